// The words of a product page (lib/regions.cc's product reading), compiled
// once: RE2 objects are safe to share between threads.
#include "product_words.h"

namespace extractor {

// The titles of a product page's own sections: its description,
// specifications, features, materials, what is in the box (tabs,
// accordions and drawers that shops put below or beside the buy box), in
// the languages the other vocabularies cover. Case-insensitive, the whole
// block (punctuation, symbols and a count around it aside).
const RE2& detail_title() {
  static const RE2 re(
      R"((?i)[\s\p{P}\p{S}]*(?:(?:product |item |full |more )?(?:description|details|information|info|)"
      R"(overview|features|highlights|specifications|specs)|tech(?:nical)? (?:specs|specifications|details|data)|)"
      R"(key features|features (?:and|&) benefits|about (?:this|the) (?:item|product)|)"
      R"(dimensions|measurements|materials?|materials? (?:and|&) care|care|composition|fabric|)"
      R"(size (?:and|&) fit|fit (?:and|&) sizing|ingredients|nutrition(?:al)? (?:information|facts)|)"
      R"(what'?s (?:included|in the box)|in the box|included items|package contents|good to know|)"
      R"(how to use|directions|beschreibung|produktbeschreibung|produktdetails|technische daten|)"
      R"(eigenschaften|merkmale|lieferumfang|pflegehinweise|caractéristiques|fiche technique|)"
      R"(détails(?: du produit)?|descripción|características|especificaciones|detalles|ficha técnica|)"
      R"(descrizione|caratteristiche|specifiche|dettagli|scheda tecnica|descrição|especificações|)"
      R"(detalhes|beschrijving|specificaties|kenmerken|productinformatie|opis|specyfikacja|)"
      R"(parametry|szczegóły|описание|характеристики|технические характеристики|商品详情|产品详情|)"
      R"(商品介绍|产品介绍|规格参数|产品参数|规格|详情|商品説明|商品詳細|仕様|スペック)[\s\p{P}\p{S}\d]*)");
  return re;
}

// The titles of what a shop puts around a product's own text: reviews and
// questions, shipping and returns, other products.
const RE2& shop_title() {
  static const RE2 re(
      R"((?i)[\s\p{P}\p{S}]*(?:(?:customer |product )?(?:reviews?|ratings?(?: (?:and|&) reviews)?)|)"
      R"(questions(?: (?:and|&) answers)?|q ?& ?a|faqs?|(?:free )?(?:shipping|delivery)(?: (?:and|&) returns)?|)"
      R"(returns?(?: policy)?|warranty|you (?:may|might) also like|related (?:products|items)|)"
      R"(similar (?:products|items)|recently viewed|customers (?:also|who) \w+.*|frequently bought together|)"
      R"(complete the look|recommended(?: for you| products)?|bewertungen|kundenbewertungen|versand|)"
      R"(avis(?: clients)?|livraison|opiniones|reseñas|envío|recensioni|spedizione|avaliações|)"
      R"(opinie|dostawa|отзывы|доставка|评价|商品评价|用户评价|配送|レビュー|配送)[\s\p{P}\p{S}\d]*)");
  return re;
}

// The titles of other products and of the shop's terms: shipping and
// returns, other products (reviews and questions left out).
const RE2& others_title() {
  static const RE2 re(
      R"((?i)[\s\p{P}\p{S}]*(?:(?:free )?(?:shipping|delivery)(?: (?:and|&) returns)?|returns?(?: policy)?|)"
      R"(you (?:may|might) also like|related (?:products|items)|similar (?:products|items)|)"
      R"(recently viewed(?: items| products)?|customers (?:also|who) \w+.*|frequently bought together|)"
      R"(complete the look|recommended(?: for you| products)?)[\s\p{P}\p{S}\d]*)");
  return re;
}

// The lines a customer's review is made of, whatever its classes say: its
// stars, "Reviewed in … on …", "Verified purchase", "12 people found this
// helpful", "Was this review helpful?".
const RE2& review_line() {
  static const RE2 re(
      R"((?i)(?:^[\s\p{P}\p{S}]*\d(?:[.,]\d)?\s*(?:out of|of|von|sur|de|su|из)\s*5\s*(?:stars?|sternen|étoiles|estrellas|stelle|звезд)|)"
      R"(^[\s\p{P}\p{S}]*reviewed (?:in|on|by) |verified (?:purchase|buyer|owner|reviewer|customer)|)"
      R"(found this (?:review )?helpful|was this (?:review )?helpful|helpful\s*\(\d+\)|)"
      R"(verifizierter kauf|rezension aus|achat vérifié|compra verificada|acquisto verificato|)"
      R"(подтвержденная покупка|已购买|認証済みの購入))");
  return re;
}

}  // namespace extractor

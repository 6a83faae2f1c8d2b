// Stage 2, the tree construction prescan() follows: the open-element model
// that keeps the tree shallow, and the SVG content it drops. Header-only,
// and included by prescan.cc alone: the scanner asks the model once or more
// per tag of every page, and with internal linkage (the unnamed namespace
// below) the compiler inlines the answers as it did when both were one
// file; as calls they cost 1.3% more of prescan's instructions (callgrind).
#ifndef EXTRACTOR_LIB_PRESCAN_MODEL_H_
#define EXTRACTOR_LIB_PRESCAN_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "chars.h"

namespace extractor {

// Gumbo's tree builder answers "is there a <p> in button scope", "which
// element does this end tag close" and "reconstruct the active formatting
// elements" by walking its stack of open elements, so its time is the input
// size times that stack's depth, and it has no depth limit of its own. We
// keep the stack shallow by modelling it here, with the tree-construction
// rules that decide its depth, and dropping start tags (with their end tags;
// their text stays) that would nest deeper than max_depth.
//
// The model must never be shallower than Gumbo's stack, or an attacker can
// grow the real stack behind its back (a `<span><section></span>` loop,
// where `</span>` is ignored because a special element is above the span;
// `<li><dd><li><dd>`, which nest because each stops the other's implied end).
// So every rule below pops only what the HTML standard pops, using the same
// scopes; where the model is unsure it keeps elements (deeper than real),
// which can only cost a dropped tag on a pathological page.
//
// Formatting elements (b, i, a, font, ...) need one more step: when the
// parser closes one implicitly (the <p> around it ends), it stays on the list
// of active formatting elements and is re-created in every later block, with
// its attributes: `<b id=1>...<b id=512>` then a million `<p>x` builds half a
// billion elements. When the model pops a formatting element implicitly, it
// writes its end tag before the tag that closed it, so the parser takes it
// off that list; and at most kMaxFormatting formatting elements are open.

// The model's vocabulary stays in its own namespace: prescan.cc names what
// it uses.
namespace prescan_model {
namespace {  // NOLINT(build/namespaces): one includer, see the top

// Formatting elements open at once. Real pages nest a handful; each one open
// is re-created in every block while it stays unclosed.
inline constexpr int kMaxFormatting = 32;

// How far past max_depth paragraphs, list items and options may open.
inline constexpr int kLeafMargin = 16;

// Distinct unknown (custom) element names followed individually; beyond this
// they share one id whose end tags never close anything (the model then errs
// deeper, which is the safe side).
inline constexpr int kMaxUnknownNames = 4096;

enum TagFlag : std::uint32_t {
  kNotPushed = 1u << 0,    // void, or merged into an existing element (html, body)
  kSpecial = 1u << 1,      // the standard's "special" category
  kScope = 1u << 2,        // bounds "has an element in scope"
  kButtonScope = 1u << 3,  // also bounds "in button scope"
  kListScope = 1u << 4,    // also bounds "in list item scope"
  kTableScope = 1u << 5,   // bounds "in table scope"
  kMarker = 1u << 6,       // pushes a marker on the active formatting list
  kFormatting = 1u << 7,
  kClosesP = 1u << 8,      // its start tag closes a <p> in button scope
  kImplied = 1u << 9,      // "generate implied end tags" pops it
  kHeading = 1u << 10,
  kCell = 1u << 11,        // td, th
  kSection = 1u << 12,     // tbody, thead, tfoot
  kDdDt = 1u << 13,
  kForeign = 1u << 14,     // set on entries pushed inside <svg>/<math>
  kNotAdp = 1u << 15,      // special but not address/div/p: stops <li>'s implied end
  kIntegration = 1u << 16,  // an SVG/MathML integration point: special only there
};

struct KnownTag {
  std::string_view name;
  std::uint32_t flags;
};

inline constexpr std::uint32_t kBlock = kSpecial | kNotAdp | kClosesP;
inline constexpr KnownTag kKnownTags[] = {
    // Never on the stack: void elements; html/head/body merge into the ones
    // the parser made; caption/colgroup hold no nesting of their own.
    {"area", kNotPushed}, {"base", kNotPushed}, {"basefont", kNotPushed},
    {"bgsound", kNotPushed}, {"br", kNotPushed}, {"col", kNotPushed},
    {"embed", kNotPushed}, {"hr", kNotPushed | kClosesP}, {"img", kNotPushed},
    {"image", kNotPushed}, {"input", kNotPushed}, {"keygen", kNotPushed},
    {"link", kNotPushed}, {"meta", kNotPushed}, {"param", kNotPushed},
    {"source", kNotPushed}, {"track", kNotPushed}, {"wbr", kNotPushed},
    {"frame", kNotPushed}, {"html", kNotPushed}, {"head", kNotPushed},
    {"body", kNotPushed}, {"caption", kNotPushed}, {"colgroup", kNotPushed},
    // Blocks: special, close an open <p>.
    {"address", kSpecial | kClosesP}, {"div", kSpecial | kClosesP},
    {"p", kSpecial | kClosesP | kImplied},
    {"article", kBlock}, {"aside", kBlock}, {"blockquote", kBlock}, {"center", kBlock},
    {"details", kBlock}, {"dialog", kBlock}, {"dir", kBlock}, {"dl", kBlock},
    {"fieldset", kBlock}, {"figcaption", kBlock}, {"figure", kBlock}, {"footer", kBlock},
    {"header", kBlock}, {"hgroup", kBlock}, {"main", kBlock}, {"menu", kBlock},
    {"nav", kBlock}, {"search", kBlock}, {"section", kBlock}, {"summary", kBlock},
    {"pre", kBlock}, {"listing", kBlock}, {"form", kBlock},
    {"ol", kBlock | kListScope}, {"ul", kBlock | kListScope},
    {"li", kBlock | kImplied}, {"dd", kBlock | kImplied | kDdDt},
    {"dt", kBlock | kImplied | kDdDt},
    {"h1", kBlock | kHeading}, {"h2", kBlock | kHeading}, {"h3", kBlock | kHeading},
    {"h4", kBlock | kHeading}, {"h5", kBlock | kHeading}, {"h6", kBlock | kHeading},
    // Other special elements.
    {"frameset", kSpecial | kNotAdp}, {"noscript", kSpecial | kNotAdp},
    {"select", kSpecial | kNotAdp}, {"button", kSpecial | kNotAdp | kButtonScope},
    {"applet", kSpecial | kNotAdp | kScope | kMarker},
    {"marquee", kSpecial | kNotAdp | kScope | kMarker},
    {"object", kSpecial | kNotAdp | kScope | kMarker},
    {"template", kSpecial | kNotAdp | kScope | kMarker | kTableScope},
    {"table", kSpecial | kNotAdp | kScope | kTableScope},
    {"tbody", kSpecial | kNotAdp | kSection}, {"thead", kSpecial | kNotAdp | kSection},
    {"tfoot", kSpecial | kNotAdp | kSection}, {"tr", kSpecial | kNotAdp},
    {"td", kSpecial | kNotAdp | kScope | kMarker | kCell},
    {"th", kSpecial | kNotAdp | kScope | kMarker | kCell},
    // MathML text and SVG HTML integration points (title only reaches the
    // model inside <svg>; in HTML it is raw text).
    {"mi", kIntegration}, {"mo", kIntegration}, {"mn", kIntegration}, {"ms", kIntegration},
    {"mtext", kIntegration}, {"annotation-xml", kIntegration},
    {"foreignobject", kIntegration}, {"desc", kIntegration}, {"title", kIntegration},
    // Formatting elements.
    {"a", kFormatting}, {"b", kFormatting}, {"big", kFormatting}, {"code", kFormatting},
    {"em", kFormatting}, {"font", kFormatting}, {"i", kFormatting}, {"nobr", kFormatting},
    {"s", kFormatting}, {"small", kFormatting}, {"strike", kFormatting},
    {"strong", kFormatting}, {"tt", kFormatting}, {"u", kFormatting},
    // Popped by "generate implied end tags"; nest otherwise (outside <ruby>,
    // outside <select>).
    {"option", kImplied}, {"optgroup", kImplied}, {"rb", kImplied}, {"rp", kImplied},
    {"rt", kImplied}, {"rtc", kImplied}, {"ruby", 0}, {"svg", 0}, {"math", 0},
};
inline constexpr int kKnownCount = static_cast<int>(sizeof kKnownTags / sizeof kKnownTags[0]);

// The known names bucketed by length and first letter. known_id() runs for
// every tag of the page; a linear scan of all ~120 names was 2% of
// extract() (callgrind, bench/extractor-bench), a bucket holds one to three.
struct KnownIndex {
  static constexpr std::size_t kMaxLength = 14;  // "annotation-xml"
  std::vector<std::uint8_t> buckets[kMaxLength + 1][26];
  KnownIndex() {
    for (int i = 0; i < kKnownCount; ++i) {
      const std::string_view n = kKnownTags[i].name;
      buckets[n.size()][static_cast<unsigned char>(n[0] - 'a')].push_back(
          static_cast<std::uint8_t>(i));
    }
  }
};
static_assert(kKnownCount < 256, "ids are stored as bytes");

inline int known_id(std::string_view lower_name) {
  static const KnownIndex index;
  if (lower_name.empty() || lower_name.size() > KnownIndex::kMaxLength) return -1;
  const unsigned first = static_cast<unsigned char>(lower_name[0]) - 'a';
  if (first >= 26) return -1;
  for (const std::uint8_t i : index.buckets[lower_name.size()][first])
    if (kKnownTags[i].name == lower_name) return i;
  return -1;
}

// Start tags that end SVG/MathML content (the "breakout" list of the tree
// construction rules for foreign content).
inline bool breaks_out_of_foreign(std::string_view name) {
  static constexpr std::string_view kBreakout[] = {
      "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl",
      "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i",
      "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
      "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul",
      "var"};
  return is_one_of_lower_ascii(name, kBreakout);
}

// A formatting element other than <a> (b, i, font, ...).
inline bool is_formatting_but_a(std::string_view name) {
  if (name.empty() || name.size() > KnownIndex::kMaxLength) return false;
  char lower_name[KnownIndex::kMaxLength];
  for (std::size_t i = 0; i < name.size(); ++i) lower_name[i] = lower_ascii(name[i]);
  const int id = known_id(std::string_view(lower_name, name.size()));
  return id >= 0 && (kKnownTags[id].flags & kFormatting) && kKnownTags[id].name != "a";
}

class OpenElements {
 public:
  explicit OpenElements(int max_depth)
      : max_depth_(max_depth), pos_(kKnownCount + 1), names_(kKnownCount + 1) {
    for (int i = 0; i < kKnownCount; ++i) names_[static_cast<std::size_t>(i)] = kKnownTags[i].name;
    id_p_ = known_id("p");
    id_a_ = known_id("a");
    id_li_ = known_id("li");
    id_nobr_ = known_id("nobr");
    id_button_ = known_id("button");
    id_select_ = known_id("select");
    id_form_ = known_id("form");
    id_option_ = known_id("option");
    id_optgroup_ = known_id("optgroup");
    id_ruby_ = known_id("ruby");
    id_rtc_ = known_id("rtc");
    id_rb_ = known_id("rb");
    id_rp_ = known_id("rp");
    id_rt_ = known_id("rt");
    id_tr_ = known_id("tr");
    id_pre_ = known_id("pre");
    id_table_ = known_id("table");
    id_listing_ = known_id("listing");
  }

  // The current node is an SVG/MathML element: there the tokenizer reads
  // <![CDATA[ ]]> as text (elsewhere it is a bogus comment).
  bool current_is_foreign() const {
    const int t = top_live();
    return t >= 0 && (entries_[static_cast<std::size_t>(t)].flags & kForeign) != 0;
  }

  // Start tags here follow the rules for foreign content: the current node
  // is an SVG/MathML element other than an integration point (where HTML
  // may be).
  bool in_foreign_content() const {
    const int t = top_live();
    if (t < 0) return false;
    const std::uint32_t f = entries_[static_cast<std::size_t>(t)].flags;
    return (f & kForeign) && !(f & kIntegration);
  }

  // Text here goes to a table, row or row group, not a cell: the parser
  // treats a run of only white space there differently from other text, so
  // nothing between two runs may be taken out.
  bool in_table_text() const { return !table_.empty() && top(cell_) < top(table_); }

  // A <pre> or <listing> is open: white space there is content.
  bool preformatted() const {
    return !pos_[static_cast<std::size_t>(id_pre_)].empty() ||
           !pos_[static_cast<std::size_t>(id_listing_)].empty();
  }

  // End tags written before the current tag (formatting elements the model
  // closed implicitly). The caller copies them out and clears them.
  std::string& injected() { return injected_; }

  // A start tag. Returns false when it is to be dropped (too deep).
  // `inside_foreign`: the tag is in SVG/MathML content (not a breakout, which
  // the caller handles first); `enters_foreign`: it is an <svg> or <math>.
  bool start(std::string_view name, bool self_closing, bool inside_foreign,
             bool enters_foreign) {
    const int id = intern(name);
    if (inside_foreign) {
      // A foreign element ("<svg><nav>" is SVG's nav): none of the HTML
      // rules below (closing a <p>, a list item, ...) applies to it, and
      // "/>" closes it.
      if (self_closing) return true;
      // Integration points bound the scopes of the HTML inside them.
      const std::uint32_t foreign_flags =
          (flags_of(id) & kIntegration) ? kIntegration | kSpecial | kNotAdp | kScope : 0u;
      return push_capped(id, kForeign | foreign_flags, max_depth_);
    }
    const bool self_closing_foreign = enters_foreign && self_closing;
    const bool in_foreign = enters_foreign;
    const std::uint32_t flags = flags_of(id);
    if (flags & kNotPushed) {
      if (flags & kClosesP) close_p();
      return true;
    }
    if (self_closing_foreign) return true;
    if (id == id_form_ && !pos_[id].empty()) return true;  // ignored by the parser
    // Cells, rows and row groups outside any table (or template) are
    // ignored by the parser: pushing them would let their end tags close
    // what is really open (a <pre> around them, say).
    if (((flags & (kCell | kSection)) || id == id_tr_) && table_.empty()) return true;
    // A <table> straight inside a table (not in a cell) closes that one.
    if (id == id_table_ && !table_.empty() && top(cell_) < top(table_) &&
        entries_[static_cast<std::size_t>(top(table_))].id == id_table_)
      pop_to(top(table_), true);
    if (id == id_li_) {
      const int stop = top(not_adp_);
      if (stop >= 0 && entries_[stop].id == id_li_) pop_to(stop, true);
    } else if (flags & kDdDt) {
      const int stop = top(not_adp_);
      if (stop >= 0 && (flags_of(entries_[stop].id) & kDdDt)) pop_to(stop, true);
    }
    if (flags & kClosesP) close_p();
    if (flags & kHeading) {
      const int t = top_live();
      if (t >= 0 && (flags_of(entries_[t].id) & kHeading)) pop_to(t, true);
    }
    if (id == id_a_ && top(pos_[id]) > top(marker_) && top(pos_[id]) >= 0) end_formatting(id);
    if (id == id_nobr_ && in_scope(top(pos_[id]), scope_)) end_formatting(id);
    if (id == id_button_ && in_scope(top(pos_[id]), scope_)) pop_to(top(pos_[id]), true);
    if (id == id_select_ && !pos_[id].empty()) {
      pop_to(top(pos_[id]), true);  // a <select> in a <select> closes it
      return true;
    }
    if (id == id_option_ || id == id_optgroup_) {
      int t = top_live();
      if (t >= 0 && entries_[t].id == id_option_) pop_to(t, true);
      t = top_live();
      if (id == id_optgroup_ && t >= 0 && entries_[t].id == id_optgroup_ &&
          !pos_[id_select_].empty())
        pop_to(t, true);
    }
    if ((id == id_rb_ || id == id_rtc_ || id == id_rp_ || id == id_rt_) &&
        in_scope(top(pos_[id_ruby_]), scope_)) {
      const bool keep_rtc = id == id_rp_ || id == id_rt_;
      for (int t = top_live(); t >= 0; t = top_live()) {
        const int tid = entries_[t].id;
        if (!(flags_of(tid) & kImplied) || (keep_rtc && tid == id_rtc_)) break;
        pop_to(t, true);
      }
    }
    // In a table (not in a cell) these first clear the stack back to the
    // table, row group or row: what was opened there (foster-parented
    // elements) closes.
    if (flags & kCell) {
      if (top(cell_) > top(table_)) {
        pop_to(top(cell_), true);
      } else {
        pop_above(std::max({top(pos_[static_cast<std::size_t>(id_tr_)]), top(section_), top(table_)}));
      }
    } else if (id == id_tr_) {
      if (top(pos_[id]) > top(table_)) {
        pop_to(top(pos_[id]), true);
      } else {
        pop_above(std::max(top(section_), top(table_)));
      }
    } else if (flags & kSection) {
      if (top(section_) > top(table_)) {
        pop_to(top(section_), true);
      } else {
        pop_above(top(table_));
      }
    }

    // Paragraphs and list items close their predecessor, so they may go a
    // little past the cap: a page cut at the cap keeps its paragraphs apart.
    const int cap = (flags & kImplied) ? max_depth_ + kLeafMargin : max_depth_;
    return push_capped(id, flags | (in_foreign ? kForeign : 0u), cap);
  }

  // An end tag. Returns false when it is to be dropped (its start tag was).
  bool end(std::string_view name) {
    const int id = intern(name);
    if (any_dropped_ && static_cast<std::size_t>(id) < dropped_.size() && dropped_[id] > 0) {
      --dropped_[id];
      return false;
    }
    if (id == kOtherUnknown || pos_[id].empty()) return true;
    const int target = top(pos_[id]);
    // The flags of what it closes: an <mi> or <desc> outside SVG/MathML is an
    // ordinary element (flags 0), inside it an integration point.
    const std::uint32_t flags = (flags_of(id) & kIntegration)
                                    ? entries_[static_cast<std::size_t>(target)].flags
                                    : flags_of(id);
    if (flags & kNotPushed) return true;
    if (flags & kFormatting) {
      end_formatting(id);
    } else if (id == id_form_) {
      if (in_scope(target, scope_)) erase(target);
    } else if (id == id_p_) {
      if (in_scope(target, button_)) pop_to(target, false);
    } else if (id == id_li_) {
      if (in_scope(target, list_)) pop_to(target, false);
    } else if (flags & kHeading) {
      // Any heading's end tag closes the innermost heading.
      const int h = top(heading_);
      if (in_scope(h, scope_)) pop_to(h, false);
    } else if (flags & (kTableScope | kCell | kSection) || id == id_tr_) {
      if (in_scope(target, table_)) pop_to(target, false);
    } else if (flags & kSpecial) {
      if (in_scope(target, scope_)) pop_to(target, false);
    } else if (target >= top(special_)) {
      // "Any other end tag": closes the innermost element of that name
      // unless a special element is open inside it.
      pop_to(target, false);
    }
    return true;
  }

  // A start tag that ends <svg>/<math> content: the foreign elements close.
  void break_out_of_foreign() {
    for (int t = top_live(); t >= 0 && (entries_[t].flags & kForeign) &&
                             !(entries_[t].flags & kIntegration);
         t = top_live())
      pop_to(t, false);
  }

 private:
  static constexpr int kOtherUnknown = kKnownCount;

  struct Entry {
    int id;
    std::uint32_t flags;
    bool dead = false;        // removed from the middle (adoption agency, </form>)
    std::vector<int> clones;  // formatting elements the parser re-created above it
  };

  // Pushes unless `cap` elements (or kMaxFormatting formatting elements)
  // are open; returns false when the start tag is to be dropped.
  bool push_capped(int id, std::uint32_t flags, int cap) {
    if (live_ >= cap || ((flags & kFormatting) && formatting_ >= kMaxFormatting)) {
      if (dropped_.size() <= static_cast<std::size_t>(id)) dropped_.resize(id + 1, 0);
      ++dropped_[id];
      any_dropped_ = true;
      return false;
    }
    push(id, flags);
    return true;
  }

  std::uint32_t flags_of(int id) const { return id < kKnownCount ? kKnownTags[id].flags : 0; }
  static int top(const std::vector<int>& v) { return v.empty() ? -1 : v.back(); }
  // `target` is open and no boundary of the scope is open inside it.
  static bool in_scope(int target, const std::vector<int>& boundaries) {
    return target >= 0 && target >= top(boundaries);
  }
  int top_live() const {
    for (int i = static_cast<int>(entries_.size()) - 1; i >= 0; --i)
      if (!entries_[static_cast<std::size_t>(i)].dead) return i;
    return -1;
  }

  int intern(std::string_view name) {
    lower_.assign(name);
    for (char& c : lower_) c = lower_ascii(c);
    const int k = known_id(lower_);
    if (k >= 0) return k;
    if (const auto it = unknown_.find(lower_); it != unknown_.end()) return it->second;
    if (unknown_.size() >= static_cast<std::size_t>(kMaxUnknownNames)) return kOtherUnknown;
    // Ids: known tags, then kOtherUnknown, then each unknown name.
    const int id = kKnownCount + 1 + static_cast<int>(unknown_.size());
    unknown_.emplace(lower_, id);
    if (pos_.size() < static_cast<std::size_t>(id) + 1) pos_.resize(id + 1);
    if (names_.size() < static_cast<std::size_t>(id) + 1) names_.resize(id + 1);
    names_[static_cast<std::size_t>(id)] = lower_;
    return id;
  }

  std::vector<int>* category(std::uint32_t flags, int which) {
    switch (which) {
      case 0: return (flags & kSpecial) ? &special_ : nullptr;
      case 1: return (flags & kScope) ? &scope_ : nullptr;
      case 2: return (flags & (kScope | kButtonScope)) ? &button_ : nullptr;
      case 3: return (flags & (kScope | kListScope)) ? &list_ : nullptr;
      case 4: return (flags & kTableScope) ? &table_ : nullptr;
      case 5: return (flags & kMarker) ? &marker_ : nullptr;
      case 6: return (flags & kNotAdp) ? &not_adp_ : nullptr;
      case 7: return (flags & kHeading) ? &heading_ : nullptr;
      case 8: return (flags & kCell) ? &cell_ : nullptr;
      case 9: return (flags & kSection) ? &section_ : nullptr;
      default: return nullptr;
    }
  }
  static constexpr int kCategories = 10;

  void push(int id, std::uint32_t flags) {
    const int i = static_cast<int>(entries_.size());
    entries_.push_back(Entry{id, flags, false, {}});
    pos_[static_cast<std::size_t>(id)].push_back(i);
    for (int c = 0; c < kCategories; ++c)
      if (std::vector<int>* v = category(flags, c)) v->push_back(i);
    ++live_;
    if (flags & kFormatting) ++formatting_;
  }

  void write_end_tag(int id) {
    if (id == kOtherUnknown) return;
    injected_ += "</";
    injected_ += names_[static_cast<std::size_t>(id)];
    injected_ += '>';
  }

  // Pops the top entry. `implicit`: the parser closes it without an end tag
  // of its own, so a formatting element gets one written (see above).
  void pop_top(bool implicit) {
    Entry& e = entries_.back();
    // Re-created formatting elements sit just above their element.
    for (auto it = e.clones.rbegin(); it != e.clones.rend(); ++it) {
      write_end_tag(*it);
      --live_;
      --formatting_;
    }
    if (!e.dead) {
      const int i = static_cast<int>(entries_.size()) - 1;
      std::vector<int>& ids = pos_[static_cast<std::size_t>(e.id)];
      if (!ids.empty() && ids.back() == i) ids.pop_back();
      for (int c = 0; c < kCategories; ++c)
        if (std::vector<int>* v = category(e.flags, c); v != nullptr && !v->empty() && v->back() == i)
          v->pop_back();
      --live_;
      if (e.flags & kFormatting) {
        --formatting_;
        if (implicit) write_end_tag(e.id);
      }
    }
    entries_.pop_back();
  }

  // Pops everything above entry `keep` (nothing when it is -1).
  void pop_above(int keep) {
    if (keep < 0) return;
    while (static_cast<int>(entries_.size()) > keep + 1) pop_top(true);
  }

  // Pops everything above `target`, then target itself.
  void pop_to(int target, bool implicit_target) {
    while (static_cast<int>(entries_.size()) > target + 1) pop_top(true);
    pop_top(implicit_target);
    // Dropped start tags were nested inside every element the model holds,
    // so closing one of those closed them too: their end tags are now
    // ordinary (stray) end tags, as they are for the parser, which never saw
    // their start tags.
    if (any_dropped_) {
      std::fill(dropped_.begin(), dropped_.end(), 0);
      any_dropped_ = false;
    }
  }

  // Takes an entry out of the middle (its clones move to the entry below).
  void erase(int i) {
    Entry& e = entries_[static_cast<std::size_t>(i)];
    std::vector<int>& ids = pos_[static_cast<std::size_t>(e.id)];
    ids.erase(std::remove(ids.begin(), ids.end(), i), ids.end());
    for (int c = 0; c < kCategories; ++c)
      if (std::vector<int>* v = category(e.flags, c))
        v->erase(std::remove(v->begin(), v->end(), i), v->end());
    e.dead = true;
    --live_;
    if (e.flags & kFormatting) --formatting_;
    if (!e.clones.empty() && i > 0) {
      std::vector<int>& below = entries_[static_cast<std::size_t>(i - 1)].clones;
      below.insert(below.end(), e.clones.begin(), e.clones.end());
      e.clones.clear();
    }
  }

  // The adoption agency algorithm, as far as depth goes: with no special
  // element open inside the formatting element, everything down to it
  // closes; otherwise it leaves the stack and a copy of it is created just
  // inside the first special element above it (the "furthest block").
  void end_formatting(int id) {
    const int target = top(pos_[static_cast<std::size_t>(id)]);
    if (!in_scope(target, scope_)) return;
    const auto fb = std::upper_bound(special_.begin(), special_.end(), target);
    if (fb == special_.end()) {
      pop_to(target, false);
      return;
    }
    const int furthest = *fb;
    erase(target);
    entries_[static_cast<std::size_t>(furthest)].clones.push_back(id);
    ++live_;
    ++formatting_;
  }

  void close_p() {
    const int p = top(pos_[static_cast<std::size_t>(id_p_)]);
    if (in_scope(p, button_)) pop_to(p, true);
  }

  const int max_depth_;
  std::vector<Entry> entries_;
  std::vector<std::vector<int>> pos_;  // by tag id: indices into entries_
  std::vector<int> special_, scope_, button_, list_, table_, marker_, not_adp_, heading_,
      cell_, section_;
  std::vector<std::string> names_;  // by tag id
  std::unordered_map<std::string, int> unknown_;
  std::vector<int> dropped_;  // by tag id: start tags dropped, end tags to drop
  bool any_dropped_ = false;
  int live_ = 0;        // open elements, clones included
  int formatting_ = 0;  // of which formatting elements
  std::string injected_;
  std::string lower_;
  int id_p_, id_a_, id_li_, id_nobr_, id_button_, id_select_, id_form_, id_option_,
      id_optgroup_, id_ruby_, id_rtc_, id_rb_, id_rp_, id_rt_, id_tr_, id_pre_, id_listing_, id_table_;
};


// The content of an <svg> element, dropped as it is scanned. Everything in
// it is SVG markup the later stages skip, so only its end matters: the
// parser closes the <svg> at its end tag, at an HTML start tag that breaks
// out of foreign content, or at an end tag that closes an HTML element
// around it. The dropped elements are followed by name so that their end
// tags are told apart from those. Where HTML may legally sit inside
// (<foreignObject>, <desc>, <title>) or anything unexpected comes, the
// dropping stops and the rest of the element is kept as it is.
class ForeignDrop {
 public:
  bool active() const { return active_; }
  void begin() {
    active_ = true;
    open_.clear();
  }
  void stop() { active_ = false; }
  // The dropped elements still open when the dropping stopped, outermost
  // first: written back as bare start tags, so that what follows nests as
  // it would have.
  const std::vector<std::string_view>& still_open() const { return open_; }

  // A start tag inside the dropped content: false when the dropping stops
  // here (the tag is then handled as any other).
  bool start(std::string_view name, bool self_closing) {
    static constexpr std::string_view kStops[] = {"foreignobject", "desc", "title", "math",
                                                  "font"};
    if (is_one_of_lower_ascii(name, kStops)) return halt();
    if (breaks_out_of_foreign(name)) return halt();
    if (!self_closing) open_.push_back(name);
    return true;
  }

  // An end tag inside the dropped content. kDropped: it closes a dropped
  // element; kEnds: it is the <svg>'s own (kept, the dropping ends);
  // kStop: anything else (the dropping stops; handled as any other tag).
  enum class End { kDropped, kEnds, kStop };
  End end(std::string_view name) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (equals_ascii_ci(open_[i], name)) {
        open_.resize(i);
        return End::kDropped;
      }
    }
    active_ = false;
    return equals_lower_ascii(name, "svg") ? End::kEnds : End::kStop;
  }

 private:
  bool halt() {
    active_ = false;
    return false;
  }

  bool active_ = false;
  std::vector<std::string_view> open_;  // dropped elements, by name
};

}  // namespace
}  // namespace prescan_model
}  // namespace extractor

#endif  // EXTRACTOR_LIB_PRESCAN_MODEL_H_

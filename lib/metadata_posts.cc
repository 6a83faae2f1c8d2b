// Metadata, a thread's posts. See metadata_posts.h.
#include "metadata_posts.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string_view>

#include "chars.h"
#include "dom.h"
#include "metadata_dates.h"
#include "metadata_names.h"
#include "metadata_rules.h"
#include "metadata_text.h"
#include "patterns.h"
#include "score.h"
#include "segment.h"

namespace extractor {
namespace {

// Longer than this, an element's text is no name (a member's whole profile
// card: name, title, post count, join date).
constexpr std::size_t kNameBytes = 60;
// Longer than this, a line of the post is its text, not its date line.
constexpr std::size_t kLineBytes = 160;
// A label on a line of its own ("Joined", "Member since:").
constexpr std::size_t kLabelBytes = 24;
// No forum post is older.
constexpr int kEarliestYear = 1990;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool has_attribute(const GumboNode* node, const char* name) {
  return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

// Whether a class token of `node` holds one of `words`.
bool class_has(const GumboNode* node, std::initializer_list<const char*> words) {
  const std::string cls = lower(attribute(node, "class"));
  if (cls.empty()) return false;
  for (const char* w : words)
    if (cls.find(w) != std::string::npos) return true;
  return false;
}

// Labels beside a member's name: a rank, a role, a group, a badge.
bool member_label(const GumboNode* node) {
  return class_has(node, {"role", "rank", "title", "badge", "group", "banner", "starter",
                          "status", "flair"});
}

// The text under `node`, spaces collapsed, up to `limit` bytes (past it the
// caller has no use for it: "" when longer). A name's text leaves the
// labels beside it out (member_label()).
std::string text_of(const GumboNode* node, std::size_t limit, bool name = false) {
  std::string out;
  bool too_long = false;
  walk(
      node,
      [&](const GumboNode* x, int depth) {
        if (too_long) return false;
        if (x->type == GUMBO_NODE_ELEMENT) {
          const GumboTag t = x->v.element.tag;
          if (name && depth > 0 && member_label(x)) return false;
          return t != GUMBO_TAG_SCRIPT && t != GUMBO_TAG_STYLE && t != GUMBO_TAG_TEMPLATE;
        }
        if (x->type != GUMBO_NODE_TEXT && x->type != GUMBO_NODE_CDATA &&
            x->type != GUMBO_NODE_WHITESPACE)
          return false;
        for (const char* p = x->v.text.text; *p != '\0'; ++p) {
          const char c = *p;
          const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
          if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
          } else {
            out += c;
          }
        }
        if (out.size() > 4 * limit) too_long = true;
        return false;
      },
      [](const GumboNode*, int) {});
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (too_long || out.size() > limit) return {};
  return out;
}

// A link to a member's profile page, by the shapes forum software gives
// them.
bool profile_link(const GumboNode* node) {
  if (node->v.element.tag != GUMBO_TAG_A) return false;
  const std::string href = lower(attribute(node, "href"));
  if (href.empty()) return false;
  for (const char* p : {"/u/", "/user/", "/users/", "/member/", "/members/", "/profile/",
                        "/profiles/", "/people/", "member.php", "memberlist.php",
                        "viewprofile", "action=profile", "profile.php", "userinfo.php",
                        "/author/", "/user-", "/community/profile"})
    if (href.find(p) != std::string::npos) return true;
  return false;
}

// Parts of a post that are not its own: quotes of other posts, its
// signature, "last edited by" notes, "in reply to" tabs.
bool not_the_posts_own(const GumboNode* node) {
  const GumboTag t = node->v.element.tag;
  if (t == GUMBO_TAG_BLOCKQUOTE || t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE) return true;
  return class_has(node, {"quote", "signature", "edit", "reply-to", "replyto", "in-reply"});
}

std::optional<DateTime> machine_date(const DatePatterns& dates, const std::string& value,
                                     const DateTime& reference) {
  std::optional<DateTime> d = parse_machine_date(dates, value);
  if (!d || !is_valid(*d) || !is_plausible(*d, reference, kEarliestYear)) return std::nullopt;
  return d;
}

// Whether element `e` lies in the member's card beside a post (inside
// `post`): join date, post count, reactions.
bool in_member_card(const Segments& segments, int e, int post) {
  for (; e >= 0 && e != post; e = segments.elements[static_cast<std::size_t>(e)].parent) {
    const GumboNode* node = segments.elements[static_cast<std::size_t>(e)].node;
    if (node != nullptr && node->type == GUMBO_NODE_ELEMENT &&
        class_has(node, {"userextra", "user-extra", "userinfo", "user-info", "userdetails",
                         "user-details", "userstats", "user-stats", "postprofile",
                         "author-info", "authorinfo", "member-info", "memberinfo"}))
      return true;
  }
  return false;
}

// The text of the <dt> before a <dd> element `e`, or "".
std::string definition_term(const Segments& segments, int e) {
  if (e < 0) return {};
  const GumboNode* node = segments.elements[static_cast<std::size_t>(e)].node;
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT ||
      node->v.element.tag != GUMBO_TAG_DD || node->parent == nullptr)
    return {};
  const GumboVector* kids = children_of(node->parent);
  if (kids == nullptr) return {};
  std::string term;
  for (unsigned i = 0; i < kids->length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids->data[i]);
    if (k == node) break;
    if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_DT)
      term = text_of(k, kLabelBytes);
  }
  return term;
}

}  // namespace

PostChoice choose_post(const PostEvidence& ev, const NamePatterns& names,
                       const DatePatterns& dates, const DateTime& reference,
                       NumericOrder order) {
  PostChoice out;
  for (const PostMarkKind kind : {PostMarkKind::kDeclared, PostMarkKind::kElement,
                                  PostMarkKind::kLink, PostMarkKind::kClassed}) {
    for (const PostMark& m : ev.authors) {
      if (m.kind != kind || !out.author.empty()) continue;
      // What a field meant for names holds is a name, a login with digits
      // too ("Pippin06"); an element's text may open with "by" or close
      // with its date.
      const std::vector<std::string> cleaned = clean_authors(
          names, m.value,
          kind == PostMarkKind::kDeclared ? AuthorValue::kField : AuthorValue::kByline, "");
      if (!cleaned.empty()) out.author = cleaned.front();
    }
    if (!out.author.empty()) break;
  }
  for (const PostMarkKind kind : {PostMarkKind::kDeclared, PostMarkKind::kElement,
                                  PostMarkKind::kLine}) {
    for (const PostMark& m : ev.dates) {
      if (m.kind != kind || !out.date.empty()) continue;
      if (kind == PostMarkKind::kLine) {
        for (const TextDate& t : find_text_dates(dates, m.value, order, nullptr)) {
          if (t.role == DateRole::kOther || t.role == DateRole::kModified ||
              t.role == DateRole::kIssue)
            continue;
          if (!is_valid(t.date) || !is_plausible(t.date, reference, kEarliestYear)) continue;
          out.date = format_iso(t.date);
          break;
        }
      } else if (const std::optional<DateTime> d = machine_date(dates, m.value, reference)) {
        out.date = format_iso(*d);
      }
    }
    if (!out.date.empty()) break;
  }
  return out;
}

PostEvidence gather_post(const Segments& segments, const Scores& scores, int post) {
  PostEvidence ev;
  if (post < 0 || static_cast<std::size_t>(post) >= segments.elements.size()) return ev;
  const Element& member = segments.elements[static_cast<std::size_t>(post)];
  if (member.node == nullptr || member.node->type != GUMBO_NODE_ELEMENT) return ev;
  int author_depth = -1;  // inside itemprop=author: its itemprop=name is the name
  walk(
      member.node,
      [&](const GumboNode* x, int depth) {
        if (x->type != GUMBO_NODE_ELEMENT) return false;
        if (depth > 0 && not_the_posts_own(x)) return false;
        const std::string prop = lower(attribute(x, "itemprop"));
        if (prop == "author" || prop == "creator") {
          // An item (itemscope) names its author in its own name property.
          const std::string_view content = attribute(x, "content");
          std::string v = !content.empty() ? std::string(content)
                          : has_attribute(x, "itemscope") ? std::string()
                                                          : text_of(x, kNameBytes, true);
          if (!v.empty()) ev.authors.push_back({PostMarkKind::kDeclared, std::move(v)});
          if (author_depth < 0) author_depth = depth;
        } else if (prop == "name" && author_depth >= 0 && depth > author_depth) {
          const std::string_view content = attribute(x, "content");
          std::string v = !content.empty() ? std::string(content) : text_of(x, kNameBytes, true);
          if (!v.empty()) ev.authors.push_back({PostMarkKind::kDeclared, std::move(v)});
        } else if (prop == "datepublished" || prop == "datecreated") {
          std::string_view v = attribute(x, "content");
          if (v.empty()) v = attribute(x, "datetime");
          std::string value = !v.empty() ? std::string(v) : text_of(x, kLineBytes);
          if (!value.empty()) ev.dates.push_back({PostMarkKind::kDeclared, std::move(value)});
          return true;
        }
        if (const std::string_view a = attribute(x, "data-author"); !a.empty())
          ev.authors.push_back({PostMarkKind::kDeclared, std::string(a)});
        if (lower(attribute(x, "rel")) == "author") {
          std::string v = text_of(x, kNameBytes, true);
          if (!v.empty()) ev.authors.push_back({PostMarkKind::kDeclared, std::move(v)});
        }
        if (prop != "datemodified") {
          if (const std::string_view d = attribute(x, "datetime"); !d.empty()) {
            ev.dates.push_back({PostMarkKind::kElement, std::string(d)});
          } else if (const std::string_view t = attribute(x, "data-time"); !t.empty()) {
            ev.dates.push_back({PostMarkKind::kElement, std::string(t)});
          } else if (const std::string_view t2 = attribute(x, "data-timestamp"); !t2.empty()) {
            ev.dates.push_back({PostMarkKind::kElement, std::string(t2)});
          } else if (class_has(x, {"date", "time", "posted"}) && !attribute(x, "title").empty()) {
            ev.dates.push_back({PostMarkKind::kElement, std::string(attribute(x, "title"))});
          }
        }
        if (!class_has(x, {"avatar", "bio", "stat"}) && !member_label(x)) {
          const bool member =
              class_has(x, {"username", "user-name", "user_name", "nickname", "membername",
                            "member-name", "screen-name", "screenname"});
          if (member || class_has(x, {"author", "poster", "creator"})) {
            std::string v = text_of(x, kNameBytes, true);
            if (!v.empty())
              ev.authors.push_back(
                  {member ? PostMarkKind::kElement : PostMarkKind::kClassed, std::move(v)});
          }
        }
        if (profile_link(x)) {
          std::string v = text_of(x, kNameBytes, true);
          if (!v.empty()) ev.authors.push_back({PostMarkKind::kLink, std::move(v)});
        }
        return true;
      },
      [&](const GumboNode*, int depth) {
        if (depth == author_depth) author_depth = -1;
      });
  // The post's short lines: first those the thread's reading left out of
  // its text (its author line, its date line), then its short kept ones.
  // A label on the line before ("Joined" / "Mar 4, 2010"), or the term of a
  // definition list's date (<dt>Joined</dt><dd>Mar 4, 2010</dd>), says
  // what the date is, as words before it on its own line would; the
  // member's card beside the post (join date, post count) is no post's
  // date line.
  for (const bool kept : {false, true}) {
    for (int i = member.first_block; i < member.end_block; ++i) {
      const auto u = static_cast<std::size_t>(i);
      if (u >= segments.blocks.size() || u >= scores.labels.size()) break;
      const TextBlock& b = segments.blocks[u];
      if (b.quote_depth > 0 || b.text.empty() || b.text.size() > kLineBytes) continue;
      if ((scores.labels[u] == Label::kContent) != kept) continue;
      if (b.digits == 0 || in_member_card(segments, b.element, post)) continue;
      if (const std::string term = definition_term(segments, b.element); !term.empty()) {
        ev.dates.push_back({PostMarkKind::kLine, term + " " + b.text});
        continue;
      }
      const TextBlock* label = i > member.first_block ? &segments.blocks[u - 1] : nullptr;
      if (label != nullptr && label->digits == 0 && label->text.size() <= kLabelBytes)
        ev.dates.push_back({PostMarkKind::kLine, label->text + " " + b.text});
      else
        ev.dates.push_back({PostMarkKind::kLine, b.text});
    }
  }
  return ev;
}

// A thread's posts (`posts`: their elements, from read_as_type()) with
// each post's author and date; the first post's are the page's (not the
// latest reply's, nor the name of whoever is logged in), when it shows them.
void read_posts(const Segments& segments, const Scores& scores, const std::vector<int>& posts,
                const Patterns& patterns, const PageInfo& page, Result* result) {
  result->posts.clear();
  if (posts.empty()) return;
  Metadata& m = result->metadata;
  const DateContext dc = date_context(patterns.dates(), page.reference_date, m.language, "");
  result->posts.reserve(posts.size());
  for (const int e : posts) {
    const Element& x = segments.elements[static_cast<std::size_t>(e)];
    const PostChoice c = choose_post(gather_post(segments, scores, e), patterns.names(),
                                     patterns.dates(), dc.reference, dc.order);
    Post p;
    p.author = c.author;
    p.date = c.date;
    p.first_block = static_cast<std::size_t>(x.first_block);
    p.end_block = static_cast<std::size_t>(x.end_block);
    result->posts.push_back(std::move(p));
  }
  // The run read as the thread may begin after the opening post (an opener
  // laid out apart from its replies): its first post is the opener when its
  // day is the thread's earliest and comes no later than the day the page
  // gives (JSON-LD, meta, a byline's date), or when no text is kept before
  // the thread. Then its author and date are
  // the page's; else the page's own evidence stands and the first post only
  // fills what that leaves empty.
  const Post& first = result->posts.front();
  auto day = [](const std::string& iso) { return iso.substr(0, 10); };
  // Two moments with their zones compare to the minute, else by day.
  auto minute = [&](const std::string& iso) -> std::optional<long> {
    const std::optional<DateTime> d = parse_machine_date(patterns.dates(), iso);
    if (!d || !d->has_time() || d->zone == DateTime::kNoZone) return std::nullopt;
    return (days_from_civil(d->year, d->month, d->day) * 24 + d->hour) * 60 + d->minute - d->zone;
  };
  auto not_later = [&](const std::string& a, const std::string& b) {
    const std::optional<long> x = minute(a), y = minute(b);
    return x && y ? *x <= *y : day(a) <= day(b);
  };
  // No text kept before the thread (but headings) says the same: nothing
  // stands apart from it.
  bool alone = true;
  for (std::size_t i = 0; i < first.first_block && i < segments.blocks.size(); ++i)
    alone = alone && (scores.labels[i] != Label::kContent ||
                      segments.blocks[i].kind == BlockKind::kHeading ||
                      segments.blocks[i].kind == BlockKind::kImage);
  bool earliest = true;
  for (const Post& p : result->posts)
    if (!p.date.empty() && !first.date.empty() && day(p.date) < day(first.date)) earliest = false;
  const bool opener = earliest && !first.date.empty() &&
                      (alone || (!m.date.empty() && not_later(first.date, m.date)));
  if (!first.author.empty() && (m.authors.empty() || opener) &&
      rules::on(rules::kAuthorThreadFirstPost)) {
    m.authors = {first.author};
    m.sources.authors = Source::kMarkup;
  }
  if (!first.date.empty() && (m.date.empty() || (opener && day(first.date) != day(m.date))) &&
      rules::on(rules::kDateThreadFirstPost)) {
    m.date = first.date;
    m.sources.date = Source::kMarkup;
  }
}

}  // namespace extractor

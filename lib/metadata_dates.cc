// Metadata, the dates. See metadata_dates.h.
#include "metadata_dates.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "chars.h"
#include "metadata_evidence.h"
#include "metadata_rules.h"
#include "metadata_tuning.h"
#include "metadata_zone.h"

namespace extractor {
namespace {

using rules::on;
using tuning::kEarliestShownYear;
using tuning::kEarliestStatedYear;

int weight_of(int rank) {
  constexpr int n = static_cast<int>(std::size(tuning::kDateRankWeights));
  return rank >= 0 && rank < n ? tuning::kDateRankWeights[rank] : 0;
}

bool is_secondary(DateRole r) { return r == DateRole::kModified || r == DateRole::kIssue; }

class DateGatherer {
 public:
  DateGatherer(const Evidence& ev, const Zone& zone, const DateContext& dc,
               const DatePatterns& patterns)
      : ev_(ev), zone_(zone), dc_(dc), dp_(patterns) {}

  DateCandidates run() {
    stated();
    for (const Mark& mk : ev_.gathered.marks) {
      if (away(mk.block, mk.ctx)) continue;
      if (mk.kind == MarkKind::kPublishedProp || mk.kind == MarkKind::kModifiedProp ||
          mk.kind == MarkKind::kCreatedProp) {
        if (on(rules::kDateMicrodata)) microdata(mk);
      } else if (mk.kind == MarkKind::kTime || mk.kind == MarkKind::kDateClass) {
        shown_in_markup(mk);
      }
    }
    shown_in_text();
    if (on(rules::kDateFirstPublishedLine)) first_published_line();
    if (on(rules::kDateLastEditedLine)) last_edited_line();
    if (!on(rules::kDateUrl)) return std::move(out_);
    if (auto d = date_from_url(dp_, ev_.input.page.url))
      if (is_plausible(*d, dc_.reference, kEarliestShownYear))
        add(&out_.published, d, kRankUrl, Source::kUrl);
    return std::move(out_);
  }

 private:
  void add(std::vector<DateCandidate>* v, std::optional<DateTime> d, int rank, Source src,
           int dist = 0) {
    if (d) v->push_back({*d, rank, src, dist});
  }

  const DateTime* reference_if_given() const {
    return dc_.reference_given ? &dc_.reference : nullptr;
  }

  std::optional<DateTime> machine_date(std::string_view v, int earliest) const {
    std::optional<DateTime> d = parse_machine_date(dp_, v);
    if (!d || !is_plausible(*d, dc_.reference, earliest)) return std::nullopt;
    // Placeholder dates of CMSs and epoch zeros.
    if (on(rules::kDatePlaceholder) && (d->year == 1970 || d->year == 1900 || d->year == 2000) && d->month == 1 &&
        d->day == 1 && (!d->has_time() || (d->hour == 0 && d->minute == 0)))
      return std::nullopt;
    return d;
  }

  // A "header" around the headline's own lines is the article's header (its
  // date and byline), not the masthead: the masthead's date is further from
  // the article's <h1>. So is a breadcrumb there: the trail to the
  // article's own section, which pages often share a line with its date
  // ("Celebrity · Posted 3 Oct"). (Breadcrumbs are also navigation: near the
  // headline, a context that is a breadcrumb counts as neither.)
  bool away(int block, std::uint32_t ctx) const {
    std::uint32_t mask = kAwayForDates;
    if (zone_.headline >= 0 && std::abs(block - zone_.headline) <= tuning::kArticleHeaderBlocks &&
        on(rules::kDateHeaderNotAway)) {
      mask &= ~(kCueHeader | kCueBreadcrumb);
      if (ctx & kCueBreadcrumb) mask &= ~kCueNav;
    }
    return (ctx & mask) != 0;
  }

  // What the page states for machines. Explicit dates may be old.
  void stated() {
    const Metas& metas = ev_.metas;
    const JsonLdArticle& ld = ev_.ld;
    std::vector<DateCandidate>& pub = out_.published;
    if (on(rules::kDateJsonLd))
      add(&pub, machine_date(ld.date_published, kEarliestStatedYear), kRankStated,
          Source::kJsonLd);
    if (on(rules::kDateMetaStated))
    add(&pub,
        machine_date(metas.first({"article:published_time", "og:article:published_time",
                                  "og:published_time", "article:published", "datepublished",
                                  "itemprop:datepublished"}),
                     kEarliestStatedYear),
        kRankStated, Source::kMeta);
    if (on(rules::kDateMetaDeclared))
    add(&pub,
        machine_date(metas.first({"dc.date.issued", "dcterms.issued", "sailthru.date",
                                  "parsely-pub-date", "publish-date", "publish_date",
                                  "publishdate", "pubdate", "publication_date",
                                  "citation_publication_date", "citation_date",
                                  "original-publish-date", "article.published",
                                  "rnews:datepublished", "og:pubdate", "release_date"}),
                     kEarliestStatedYear),
        kRankDeclared, Source::kMeta);
    if (on(rules::kDateMetaGeneric))
    add(&pub,
        machine_date(metas.first({"date", "dc.date", "dcterms.date", "dc.date.created",
                                  "dcterms.created", "created"}),
                     kEarliestStatedYear),
        kRankGeneric, Source::kMeta);
    if (on(rules::kDateCreated)) {
      add(&pub, machine_date(metas.first({"uploaddate", "datecreated"}), kEarliestStatedYear),
          kRankCreated, Source::kMeta);
      add(&pub, machine_date(ld.date_created, kEarliestStatedYear), kRankCreated,
          Source::kJsonLd);
    }
    if (!on(rules::kDateModifiedStated)) return;
    add(&out_.modified, machine_date(ld.date_modified, kEarliestStatedYear), kRankStated,
        Source::kJsonLd);
    add(&out_.modified,
        machine_date(metas.first({"article:modified_time", "og:updated_time",
                                  "article:modified", "datemodified", "itemprop:datemodified",
                                  "dcterms.modified", "dc.date.modified", "last-modified",
                                  "lastmod", "revised"}),
                     kEarliestStatedYear),
        kRankStated, Source::kMeta);
  }

  // itemprop=datePublished / dateModified / dateCreated.
  void microdata(const Mark& mk) {
    std::optional<DateTime> d = machine_date(mk.value, kEarliestStatedYear);
    if (!d && !mk.text.empty()) {
      auto found = find_text_dates(dp_, mk.text, dc_.order, nullptr);
      if (!found.empty() && is_plausible(found.front().date, dc_.reference, kEarliestShownYear))
        d = found.front().date;
    }
    if (mk.kind == MarkKind::kModifiedProp) {
      add(&out_.modified, d, kRankDeclared, Source::kMarkup);
    } else {
      add(&out_.published, d, mk.kind == MarkKind::kCreatedProp ? kRankCreated : kRankDeclared,
          Source::kMarkup, zone_.distance(mk.block));
    }
  }

  // The date of a <time> or a date element, and what it is; nullopt for
  // none or a date that is no article's ("Joined ...").
  std::optional<DateTime> markup_date(const Mark& mk, bool far, DateRole* role) const {
    std::optional<DateTime> d;
    // A datetime attribute not in ISO form ("01-11-2023 10:29") is
    // ambiguous; the element's own text then decides.
    const bool iso = mk.value.size() >= 8 && is_ascii_digit(mk.value[0]) &&
                     is_ascii_digit(mk.value[3]) && !is_ascii_digit(mk.value[4]);
    if (!mk.value.empty() && (iso || mk.text.empty()))
      d = machine_date(mk.value, kEarliestShownYear);
    *role = DateRole::kUnknown;
    if (!d && !mk.text.empty()) {
      // The published one of several ("Published 2 May, updated 3 May");
      // an updated or a cover date only when there is no other.
      for (const TextDate& td : find_text_dates(dp_, mk.text, dc_.order, reference_if_given())) {
        if (td.role == DateRole::kOther) continue;
        const int earliest =
            td.role == DateRole::kPublished ? kEarliestStatedYear : kEarliestShownYear;
        if (!is_plausible(td.date, dc_.reference, earliest)) continue;
        if (!d || (is_secondary(*role) && !is_secondary(td.role))) {
          d = td.date;
          *role = td.role;
        }
      }
    } else if (d && !mk.text.empty() && !far) {
      // The role of a <time datetime> is read from its own text.
      auto found = find_text_dates(dp_, mk.text, dc_.order, nullptr);
      if (!found.empty()) *role = found.front().role;
    }
    if (!d || *role == DateRole::kOther) return std::nullopt;
    if (mk.updated && !mk.published) *role = DateRole::kModified;
    if (mk.published) *role = DateRole::kPublished;
    return d;
  }

  // <time>, and elements whose class says date.
  void shown_in_markup(const Mark& mk) {
    const bool near = zone_.contains(mk.block);
    const bool tail = zone_.in_tail(mk.block);
    // A <time> elsewhere on the page counts only when nothing nearer gives
    // a date (the vote hears the nearest shown date only).
    const bool far = !near && !tail && !mk.pubdate;
    if (far && (mk.kind != MarkKind::kTime || mk.value.empty())) return;
    if (!on(far ? rules::kDateMarkupFar : rules::kDateMarkupNear)) return;
    DateRole role;
    const std::optional<DateTime> d = markup_date(mk, far, &role);
    if (!d) return;
    // A date closing the article counts after any near the headline.
    const int dist =
        (near  ? zone_.distance(mk.block)
         : far ? tuning::kFarDistance + std::abs(mk.block - zone_.anchor())
               : tuning::kTailDistance + std::abs(mk.block - zone_.last)) +
        ((mk.ctx & kCueSidebar) ? tuning::kSidebarDatePenalty : 0);
    if (mk.pubdate) {
      add(&out_.published, d, kRankDeclared, Source::kMarkup, dist);
    } else if (role == DateRole::kModified) {
      add(&out_.modified, d, kRankShown, Source::kMarkup, dist);
    } else if (role == DateRole::kIssue) {
      add(&out_.published, d, kRankCreated, Source::kMarkup, dist);
    } else {
      add(&out_.published, d, kRankShown, Source::kMarkup, dist);
    }
  }

  // Dates written near the headline and in the article's last lines.
  void shown_in_text() {
    std::vector<int> date_blocks;
    for (int i = zone_.begin; i < zone_.end; ++i) date_blocks.push_back(i);
    for (int i = zone_.tail_begin; i < zone_.tail_end; ++i)
      if (zone_.in_tail(i)) date_blocks.push_back(i);
    for (int i : date_blocks) {
      const TextBlock& b = ev_.blocks[static_cast<std::size_t>(i)];
      if ((b.element >= 0 &&
           away(i, ev_.away_cues.chain[static_cast<std::size_t>(b.element)])) ||
          b.kind == BlockKind::kCaption || b.kind == BlockKind::kImage)
        continue;
      if (b.text_cues & kTextCopyright) continue;
      const bool tail = !zone_.contains(i);
      if (!on(tail ? rules::kDateTextTail : rules::kDateTextNear)) continue;
      std::string_view text = b.text;
      const bool short_block = text.size() <= tuning::kDateLineMaxBytes;
      if (tail && !short_block) continue;
      // In a paragraph, only a date opening it (a dateline).
      if (!short_block) text = text.substr(0, tuning::kDatelineBytes);
      for (const TextDate& td : find_text_dates(dp_, text, dc_.order, reference_if_given())) {
        if (!short_block && td.begin > tuning::kDatelineOpening) break;
        if (td.role == DateRole::kOther) continue;
        const int earliest =
            td.role == DateRole::kPublished ? kEarliestStatedYear : kEarliestShownYear;
        if (!is_plausible(td.date, dc_.reference, earliest)) continue;
        // Markup (a <time>, a date element) wins over text at the same place.
        const int dist = (tail ? tuning::kTailDistance + std::abs(i - zone_.last)
                               : zone_.distance(i)) +
                         (ev_.away(b, kCueSidebar) ? tuning::kSidebarDatePenalty : 0) +
                         tuning::kTextAfterMarkup;
        if (td.role == DateRole::kModified) {
          add(&out_.modified, td.date, kRankShown, Source::kText, dist);
        } else if (td.role == DateRole::kIssue) {
          add(&out_.published, td.date, kRankCreated, Source::kText, dist);
        } else {
          add(&out_.published, td.date, kRankShown, Source::kText,
              dist + (td.relative ? tuning::kRelativeDatePenalty : 0));
        }
      }
    }
  }

  // No date shown near the headline: the first line in the article that
  // says it was published ("发布时间 2005/05/17", "Posted on ...") — a guest
  // book's first entry, a forum's first post, a page whose headline was not
  // found.
  void first_published_line() {
    const std::vector<DateCandidate>& pub = out_.published;
    if (!ev_.region.found || std::any_of(pub.begin(), pub.end(), [](const DateCandidate& c) {
          return c.rank == kRankShown && c.distance < tuning::kTailDistance;
        }))
      return;
    const int n = static_cast<int>(ev_.blocks.size());
    for (int i = zone_.region_begin; i < std::min(n, zone_.region_end); ++i) {
      const TextBlock& b = ev_.blocks[static_cast<std::size_t>(i)];
      if (b.text.size() > tuning::kDateLineMaxBytes || ev_.away(b, kAwayForDates) ||
          (b.text_cues & kTextCopyright))
        continue;
      for (const TextDate& td : find_text_dates(dp_, b.text, dc_.order, nullptr))
        if (td.role == DateRole::kPublished &&
            is_plausible(td.date, dc_.reference, kEarliestShownYear)) {
          add(&out_.published, td.date, kRankShown, Source::kText,
              tuning::kFirstPublishedLineDistance);
          return;
        }
    }
  }

  // The line below the article that says when the page was last edited
  // ("This page was last edited on 29 January 2020", "Diese Seite wurde
  // zuletzt am ... geändert"), as wikis and documentation pages give it.
  void last_edited_line() {
    const int n = static_cast<int>(ev_.blocks.size());
    for (int i = zone_.region_end; i < n; ++i) {
      const TextBlock& b = ev_.blocks[static_cast<std::size_t>(i)];
      if (b.text.size() > tuning::kDateLineMaxBytes ||
          ev_.away(b, kAwayForDates | kCueSidebar) || (b.text_cues & kTextCopyright))
        continue;
      for (const TextDate& td : find_text_dates(dp_, b.text, dc_.order, nullptr))
        if (td.role == DateRole::kModified &&
            is_plausible(td.date, dc_.reference, kEarliestShownYear))
          add(&out_.modified, td.date, kRankShown, Source::kText,
              tuning::kLastEditDistance + i);
    }
  }

  const Evidence& ev_;
  const Zone& zone_;
  const DateContext& dc_;
  const DatePatterns& dp_;
  DateCandidates out_;
};

const DateCandidate* best_of(const std::vector<DateCandidate>& v) {
  const DateCandidate* best = nullptr;
  for (const DateCandidate& c : v)
    if (best == nullptr || c.rank < best->rank ||
        (c.rank == best->rank && c.distance < best->distance))
      best = &c;
  return best;
}

// The published day most evidence points to. Sources usually agree; when
// they do not (a CMS's "date" meta against the visible date, a video's
// upload date against the article's), each candidate votes for its day with
// its rank's weight, and only the shown date nearest the headline votes (a
// list of dates further down is a feed, not evidence). Ties go to the best
// rank.
const DateCandidate* vote(const std::vector<DateCandidate>& v) {
  // Of the dates shown, and of those the markup declares (a forum's posts,
  // a list's items, each with its itemprop=datePublished), the nearest
  // alone votes.
  const DateCandidate* nearest_shown = nullptr;
  const DateCandidate* nearest_declared = nullptr;
  auto declared_in_markup = [](const DateCandidate& c) {
    return c.rank == kRankDeclared && c.source == Source::kMarkup;
  };
  for (const DateCandidate& c : v) {
    if (c.rank == kRankShown && (nearest_shown == nullptr || c.distance < nearest_shown->distance))
      nearest_shown = &c;
    if (declared_in_markup(c) &&
        (nearest_declared == nullptr || c.distance < nearest_declared->distance))
      nearest_declared = &c;
  }
  const bool nearest_only = on(rules::kDateNearestShownOnly);
  const bool nearest_declared_only = on(rules::kDateNearestDeclaredOnly);
  auto votes = [&](const DateCandidate& c) {
    if (c.rank == kRankShown && nearest_only && &c != nearest_shown) return false;
    if (declared_in_markup(c) && nearest_declared_only && &c != nearest_declared) return false;
    return true;
  };
  const DateCandidate* best = nullptr;
  int best_weight = 0;
  for (const DateCandidate& c : v) {
    if (!votes(c)) continue;
    int w = 0;
    const DateCandidate* top = nullptr;  // the best-ranked candidate of this day
    for (const DateCandidate& o : v) {
      if (o.date.day_number() != c.date.day_number()) continue;
      if (!votes(o)) continue;
      w += weight_of(o.rank);
      if (top == nullptr || o.rank < top->rank) top = &o;
    }
    if (best == nullptr || w > best_weight || (w == best_weight && top->rank < best->rank)) {
      best = top;
      best_weight = w;
    }
  }
  return best;
}

// The published date's day, with the time and zone other candidates of the
// same day or instant give.
DateTime with_time(const DateCandidate& p, const std::vector<DateCandidate>& published) {
  // A shown date on the same day carries the time the page omitted from
  // the stated one, and vice versa.
  DateTime d = p.date;
  if (!d.has_time() && on(rules::kDateTimeFromSameDay))
    for (const DateCandidate& c : published)
      if (c.date.day_number() == d.day_number() && c.date.has_time()) {
        d = c.date;
        break;
      }
  // A local time takes the zone of the same instant stated elsewhere
  // ("2016-12-19 19:08:44" in one tag, "2016-12-20T00:08:44Z" in another):
  // without it the day cannot be placed in time. A creation or upload time
  // is another moment, whole hours apart by chance.
  if (d.has_time() && d.zone == DateTime::kNoZone && on(rules::kDateZoneBetween))
    for (const DateCandidate& c : published)
      if (std::optional<int> zone =
              c.rank == kRankCreated ? std::nullopt : zone_between(d, c.date)) {
        d.zone = *zone;
        break;
      }
  return d;
}

}  // namespace

DateContext date_context(const DatePatterns& patterns, std::string_view reference_date,
                         const std::string& language, const std::string& region) {
  DateContext dc;
  if (!reference_date.empty()) {
    if (auto r = parse_reference_date(patterns, reference_date)) {
      dc.reference = *r;
      dc.reference_given = true;
    }
  }
  if (!dc.reference_given) dc.reference = today_utc();
  dc.order = (language == "en" && (region.empty() || region == "us")) ? NumericOrder::kMonthFirst
                                                                      : NumericOrder::kDayFirst;
  return dc;
}

DateCandidates date_candidates(const Evidence& ev, const Zone& zone, const DateContext& dc,
                               const DatePatterns& patterns) {
  return DateGatherer(ev, zone, dc, patterns).run();
}

DateChoice choose_dates(const DateCandidates& c) {
  DateChoice choice;
  const DateCandidate* p = vote(c.published);
  const DateCandidate* u = best_of(c.modified);
  if (p != nullptr) {
    choice.published = format_iso(with_time(*p, c.published));
    choice.published_source = p->source;
  } else if (u != nullptr) {
    // Only an updated date: it is the only date the page gives.
    choice.published = format_iso(u->date);
    choice.published_source = u->source;
  }
  if (u != nullptr && (p == nullptr || u->date.day_number() >= p->date.day_number())) {
    choice.modified = format_iso(u->date);
    choice.modified_source = u->source;
  }
  return choice;
}

}  // namespace extractor

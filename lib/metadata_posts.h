// Metadata, a thread's posts: who wrote each post and when, as the post
// shows them. The posts are the run read_as_type() reads as the thread
// (regions.h); each is gathered from its markup (gather_post(): author and
// date marks, each with how much it is to be trusted) and chosen by a pure
// function (choose_post(), tested without a page).
#ifndef EXTRACTOR_LIB_METADATA_POSTS_H_
#define EXTRACTOR_LIB_METADATA_POSTS_H_

#include <string>
#include <vector>

#include "extractor/extractor.h"
#include "metadata_datetime.h"

namespace extractor {

struct NamePatterns;
struct Segments;
struct Scores;

// What marks an author or a date in a post, most trusted first.
enum class PostMarkKind : std::uint8_t {
  kDeclared,  // itemprop=author / datePublished, data-author, rel=author
  kElement,   // <time datetime>, data-time; an element classed as the
              // member's name ("username", "user-name", "nickname")
  kLink,      // a link to a member's profile (/members/, /u/, member.php?u=)
  kClassed,   // an element classed as the post's author ("author", "poster")
  kLine,      // a date written in one of the post's own short lines
};

struct PostMark {
  PostMarkKind kind = PostMarkKind::kLine;
  std::string value;  // a name as written; a date as a machine or a reader writes it
};

// One post's marks in document order (quotes of other posts and signatures
// left out).
struct PostEvidence {
  std::vector<PostMark> authors;
  std::vector<PostMark> dates;
};

// A post's author and date: of each, the first mark of the most trusted kind
// that reads as one (a name after clean_authors(), a plausible date).
struct PostChoice {
  std::string author;
  std::string date;  // ISO 8601 as far as known
};
PostChoice choose_post(const PostEvidence& ev, const NamePatterns& names,
                       const DatePatterns& dates, const DateTime& reference,
                       NumericOrder order);

// The marks under post element `post` (an index in Segments::elements; the
// tree must still be alive). Dates in lines come from the post's blocks that
// read_as_type() did not keep as its text (its author line, its date line).
PostEvidence gather_post(const Segments& segments, const Scores& scores, int post);

class Patterns;

// A thread's posts (`posts`: their elements, from read_as_type()) into
// Result::posts with each post's author and date; the first post's stand
// for the page's (Result::metadata) when it is the thread's opener.
void read_posts(const Segments& segments, const Scores& scores, const std::vector<int>& posts,
                const Patterns& patterns, const PageInfo& page, Result* result);

}  // namespace extractor

#endif  // EXTRACTOR_LIB_METADATA_POSTS_H_

// Unit tests for lib/dom: the owning parse and the iterative walk.
#include "dom.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace extractor {
namespace {

const GumboNode* Body(const Dom& dom) {
  const GumboVector* kids = children_of(dom.root());
  for (unsigned i = 0; i < kids->length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids->data[i]);
    if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_BODY) return k;
  }
  return nullptr;
}

// "div", "#text:x", ... for a node.
std::string Name(const GumboNode* n) {
  switch (n->type) {
    case GUMBO_NODE_ELEMENT:
      return gumbo_normalized_tagname(n->v.element.tag);
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
      return std::string("#text:") + n->v.text.text;
    case GUMBO_NODE_COMMENT:
      return "#comment";
    case GUMBO_NODE_DOCUMENT:
      return "#document";
    default:
      return "#other";
  }
}

// The walk as "+name@depth" / "-name@depth" events.
std::vector<std::string> Events(const GumboNode* root,
                                const std::string& skip_children_of = "") {
  std::vector<std::string> ev;
  walk(
      root,
      [&](const GumboNode* n, int depth) {
        ev.push_back("+" + Name(n) + "@" + std::to_string(depth));
        return Name(n) != skip_children_of;
      },
      [&](const GumboNode* n, int depth) {
        ev.push_back("-" + Name(n) + "@" + std::to_string(depth));
      });
  return ev;
}

using Strings = std::vector<std::string>;

TEST(Dom, KeepsTheBufferTextNodesPointInto) {
  const std::string html = "<p>hello</p>";
  const Dom dom(html);
  EXPECT_EQ(dom.html(), html);
  const GumboNode* p = static_cast<const GumboNode*>(children_of(Body(dom))->data[0]);
  const GumboNode* text = static_cast<const GumboNode*>(children_of(p)->data[0]);
  ASSERT_EQ(text->type, GUMBO_NODE_TEXT);
  const char* original = text->v.text.original_text.data;
  EXPECT_GE(original, dom.html().data());
  EXPECT_LT(original, dom.html().data() + dom.html().size());
  EXPECT_EQ(std::string(original, text->v.text.original_text.length), "hello");
}

TEST(Dom, ParsesIntoHtmlHeadBody) {
  const Dom dom("<title>t</title><p>x</p>");
  ASSERT_NE(dom.document(), nullptr);
  ASSERT_NE(dom.root(), nullptr);
  EXPECT_EQ(dom.root()->v.element.tag, GUMBO_TAG_HTML);
  EXPECT_EQ(dom.root()->parent, dom.document());
  ASSERT_NE(Body(dom), nullptr);
}

TEST(Dom, WalkEnterLeaveOrder) {
  const Dom dom("<div><p>a</p><span>b</span></div><hr>");
  EXPECT_EQ(Events(Body(dom)),
            (Strings{"+body@0", "+div@1", "+p@2", "+#text:a@3", "-#text:a@3", "-p@2",
                     "+span@2", "+#text:b@3", "-#text:b@3", "-span@2", "-div@1", "+hr@1",
                     "-hr@1", "-body@0"}));
}

TEST(Dom, WalkSkipsChildrenWhenEnterReturnsFalse) {
  const Dom dom("<div><p>a<b>c</b></p><span>b</span></div>");
  EXPECT_EQ(Events(Body(dom), "p"),
            (Strings{"+body@0", "+div@1", "+p@2", "-p@2", "+span@2", "+#text:b@3",
                     "-#text:b@3", "-span@2", "-div@1", "-body@0"}));
}

TEST(Dom, WalkSkippingTheRootStillLeavesIt) {
  const Dom dom("<div><p>a</p></div>");
  EXPECT_EQ(Events(Body(dom), "body"), (Strings{"+body@0", "-body@0"}));
}

TEST(Dom, WalkFromTheDocument) {
  const Dom dom("<!-- c --><p>x</p>");
  const Strings ev = Events(dom.document());
  ASSERT_GE(ev.size(), 4u);
  EXPECT_EQ(ev.front(), "+#document@0");
  EXPECT_EQ(ev.back(), "-#document@0");
  EXPECT_EQ(ev[1], "+#comment@1");
  EXPECT_EQ(ev[2], "-#comment@1");
  EXPECT_EQ(ev[3], "+html@1");
}

TEST(Dom, WalkDepthsMatchParentChains) {
  const Dom dom("<div><ul><li><a href=x><b>deep</b></a></li></ul></div><p>s</p>");
  int entered = 0;
  walk(
      dom.document(),
      [&](const GumboNode* n, int depth) {
        int chain = 0;
        for (const GumboNode* p = n; p != dom.document(); p = p->parent) ++chain;
        EXPECT_EQ(depth, chain) << Name(n);
        ++entered;
        return true;
      },
      [](const GumboNode*, int) {});
  EXPECT_GT(entered, 10);
}

TEST(Dom, DeepParseWalksWithoutRecursion) {
  // Gumbo's tree builder is quadratic in the depth of the open-element
  // stack, so the parsed case stays at 5,000 levels; the synthetic tree
  // below goes to 100,000.
  constexpr int kDepth = 5000;
  std::string html;
  html.reserve(kDepth * 11 + 16);
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "bottom";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  const Dom dom(std::move(html));
  int max_depth = 0, divs_entered = 0, divs_left = 0;
  std::string text;
  walk(
      Body(dom),
      [&](const GumboNode* n, int depth) {
        max_depth = std::max(max_depth, depth);
        if (n->type == GUMBO_NODE_TEXT) text = n->v.text.text;
        if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_DIV) ++divs_entered;
        return true;
      },
      [&](const GumboNode* n, int) {
        if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_DIV) ++divs_left;
      });
  EXPECT_EQ(divs_entered, kDepth);
  EXPECT_EQ(divs_left, kDepth);
  EXPECT_EQ(max_depth, kDepth + 1);  // the text node under the deepest div
  EXPECT_EQ(text, "bottom");
}

// A chain of `depth` elements built by hand: walk() only reads node types,
// tags and children vectors.
struct Chain {
  std::vector<GumboNode> nodes;
  std::vector<void*> slots;  // each node's one child pointer
  explicit Chain(int depth) : nodes(static_cast<std::size_t>(depth)), slots(nodes.size()) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      GumboNode& n = nodes[i];
      std::memset(&n, 0, sizeof n);
      n.type = GUMBO_NODE_ELEMENT;
      n.v.element.tag = GUMBO_TAG_DIV;
      n.parent = i > 0 ? &nodes[i - 1] : nullptr;
      if (i + 1 < nodes.size()) {
        slots[i] = &nodes[i + 1];
        n.v.element.children.data = &slots[i];
        n.v.element.children.length = 1;
        n.v.element.children.capacity = 1;
      }
    }
  }
};

TEST(Dom, WalkOfAHundredThousandLevels) {
  constexpr int kDepth = 100000;
  const Chain chain(kDepth);
  int entered = 0, left = 0, max_depth = -1, last_leave_depth = -1;
  walk(
      &chain.nodes[0],
      [&](const GumboNode*, int depth) {
        ++entered;
        max_depth = std::max(max_depth, depth);
        return true;
      },
      [&](const GumboNode*, int depth) {
        ++left;
        last_leave_depth = depth;
      });
  EXPECT_EQ(entered, kDepth);
  EXPECT_EQ(left, kDepth);
  EXPECT_EQ(max_depth, kDepth - 1);
  EXPECT_EQ(last_leave_depth, 0);
}

TEST(Dom, AttributeValues) {
  const Dom dom("<p id=\"main\" CLASS='a b' data-x=1 hidden>t</p>");
  const auto* p = static_cast<const GumboNode*>(children_of(Body(dom))->data[0]);
  EXPECT_EQ(attribute(p, "id"), "main");
  EXPECT_EQ(attribute(p, "class"), "a b");  // names are lower-cased by the parser
  EXPECT_EQ(attribute(p, "data-x"), "1");
  EXPECT_EQ(attribute(p, "hidden"), "");
  EXPECT_EQ(attribute(p, "title"), "");
  const auto* text = static_cast<const GumboNode*>(children_of(p)->data[0]);
  EXPECT_EQ(attribute(text, "id"), "");  // not an element
}

TEST(Dom, AttributeCharacterReferencesDecoded) {
  const Dom dom("<a href=\"/s?a=1&amp;b=2\" title=\"caf&eacute;\">x</a>");
  const auto* p = static_cast<const GumboNode*>(children_of(Body(dom))->data[0]);
  EXPECT_EQ(attribute(p, "href"), "/s?a=1&b=2");
  EXPECT_EQ(attribute(p, "title"), "caf\xC3\xA9");
}

TEST(Dom, ChildrenOfNonContainers) {
  const Dom dom("<p>t<!--c--></p>");
  const auto* p = static_cast<const GumboNode*>(children_of(Body(dom))->data[0]);
  ASSERT_NE(children_of(p), nullptr);
  ASSERT_EQ(children_of(p)->length, 2u);
  EXPECT_EQ(children_of(static_cast<const GumboNode*>(children_of(p)->data[0])), nullptr);
  EXPECT_EQ(children_of(static_cast<const GumboNode*>(children_of(p)->data[1])), nullptr);
  EXPECT_NE(children_of(dom.document()), nullptr);
}

TEST(Dom, EmptyAndMalformedInputsParse) {
  for (const char* html : {"", "<", "</p></div>", "<<<>>>", "<p <p <p", "\xEF\xBF\xBD"}) {
    const Dom dom(html);
    ASSERT_NE(dom.root(), nullptr) << html;
    EXPECT_NE(Body(dom), nullptr) << html;
  }
}

TEST(Dom, ArenaAllocationsAlignedAndDistinct) {
  Arena arena;
  std::vector<char*> ptrs;
  for (std::size_t size : {1u, 7u, 16u, 33u, 100u, 1000u}) {
    auto* p = static_cast<char*>(arena.allocate(size));
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t), 0u);
    std::memset(p, 0xAB, size);
    ptrs.push_back(p);
  }
  for (std::size_t i = 1; i < ptrs.size(); ++i) EXPECT_NE(ptrs[i], ptrs[i - 1]);
  EXPECT_GE(arena.bytes_reserved(), 1157u);
}

TEST(Dom, ArenaBigRequestGetsItsOwnChunk) {
  Arena arena;
  arena.allocate(8);
  const std::size_t before = arena.bytes_reserved();
  auto* big = static_cast<char*>(arena.allocate(1 << 20));
  std::memset(big, 0, 1 << 20);
  EXPECT_EQ(arena.bytes_reserved(), before + (1u << 20));
  // The small chunk keeps serving small requests.
  arena.allocate(8);
  EXPECT_EQ(arena.bytes_reserved(), before + (1u << 20));
}

}  // namespace
}  // namespace extractor

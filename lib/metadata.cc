// First version: <title>, og:site_name, html lang. Being extended.
#include "metadata.h"

#include "dom.h"

namespace extractor {

Metadata extract_metadata(const MetadataInput& in) {
  Metadata m;
  const GumboNode* html = in.dom.root();
  m.language = std::string(attribute(html, "lang"));
  walk(
      html,
      [&](const GumboNode* n, int) {
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        const GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_BODY) return false;
        if (tag == GUMBO_TAG_TITLE && m.title.empty()) {
          const GumboVector& kids = n->v.element.children;
          for (unsigned i = 0; i < kids.length; ++i) {
            const auto* k = static_cast<const GumboNode*>(kids.data[i]);
            if (k->type == GUMBO_NODE_TEXT) m.title += k->v.text.text;
          }
        }
        if (tag == GUMBO_TAG_META && attribute(n, "property") == "og:site_name")
          m.site_name = std::string(attribute(n, "content"));
        return true;
      },
      [](const GumboNode*, int) {});
  if (!m.title.empty()) m.sources.title = Source::kMarkup;
  m.url = std::string(in.url);
  return m;
}

}  // namespace extractor

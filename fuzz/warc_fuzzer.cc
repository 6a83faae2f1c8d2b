// libFuzzer target: the WARC reader (bindings/cli/warc.h) on any bytes, as
// a file. It must end, never crash or read out of bounds, and keep its
// counts true: every page and fault it hands out is counted once.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "warc.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::FILE* f = fmemopen(const_cast<std::uint8_t*>(data), size, "rb");
  if (f == nullptr) return 0;  // fmemopen refuses size 0
  extractor::warc::Options o;
  o.max_record_bytes = 1 << 16;  // small, so that the too-large path is reached
  extractor::warc::Reader reader(f, o);
  std::uint64_t pages = 0, faults = 0;
  for (;;) {
    extractor::warc::Page page;
    extractor::warc::Fault fault;
    const auto item = reader.next(&page, &fault);
    if (item == extractor::warc::Reader::Item::kEnd) break;
    if (item == extractor::warc::Reader::Item::kPage) {
      ++pages;
      if (page.html.empty() || page.html.size() > o.max_record_bytes) std::abort();
    } else {
      ++faults;
      if (fault.message.empty()) std::abort();
    }
    if (pages + faults > size + 1) std::abort();  // more items than bytes: a loop
  }
  if (reader.counts().pages != pages || reader.counts().faults != faults) std::abort();
  return 0;
}

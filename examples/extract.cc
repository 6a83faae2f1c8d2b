// A complete program using the library: prints the title, authors, date and
// text of the pages named on the command line.
//
//   cmake -S examples -B build-example -DCMAKE_PREFIX_PATH=<install prefix>
//   cmake --build build-example && build-example/extract page.html
#include <extractor/extractor.h>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: extract FILE...\n";
    return 2;
  }
  // Build once (patterns are compiled here); extract() is const and
  // thread-safe, so one Extractor serves every page and every thread.
  const extractor::Extractor ex;
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot read\n";
      status = 1;
      continue;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    try {
      const extractor::Result r = ex.extract(bytes.str());
      const extractor::Metadata& m = r.metadata;
      std::cout << "title:  " << m.title << "\n"
                << "author: " << m.author() << "\n"
                << "date:   " << m.date << "\n\n"
                << r.text << "\n";
    } catch (const extractor::Error& e) {  // misuse only: e.g. input too large
      std::cerr << argv[i] << ": " << e.what() << "\n";
      status = 1;
    }
  }
  return status;
}

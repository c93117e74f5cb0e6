#pragma once
// What is remembered between builds about each feed URL fetched over HTTP, so an unchanged feed
// is answered with 304 and its previous body reused. collect_stories (sources.hpp) reads and
// updates it; state.json keeps it (briefing_state.hpp). A plain value.

#include <chrono>
#include <map>
#include <string>

namespace briefcast {

struct SourceState {
  struct Entry {
    std::string etag;                    // validator from the last 200 response
    std::string last_modified;           // validator from the last 200 response
    std::string content_type;            // of the stored body
    std::string final_url;               // after redirects; base for relative links
    std::string body;                    // the last body (only kept when a validator was sent)
    std::chrono::sys_seconds fetched{};  // when it was last fetched (200 or 304), UTC
  };
  std::map<std::string, Entry> feeds;  // by feed URL as written in the feed definition
};

}  // namespace briefcast

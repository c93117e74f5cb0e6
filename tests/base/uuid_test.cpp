// UUIDv5, podcast:guid and SHA-256 against published values.
#include "base/uuid.hpp"

#include <catch2/catch.hpp>

#include "base/error.hpp"

using namespace briefcast;

TEST_CASE("uuid: podcast:guid of the namespace's own example", "[feed]") {
  // https://podcastindex.org/namespace/1.0#guid: podnews.net/rss
  CHECK(podcast_guid("https://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c");
  CHECK(podcast_guid("http://podnews.net/rss/") == "9b024349-ccf0-5f69-a609-6b82873eab3c");
  CHECK(podcast_guid("podnews.net/rss//") == "9b024349-ccf0-5f69-a609-6b82873eab3c");
  CHECK(podcast_guid("HTTPS://podnews.net/rss") == "9b024349-ccf0-5f69-a609-6b82873eab3c");
  // Anything else in the URL counts.
  CHECK(podcast_guid("https://podnews.net/rss?x=1") != "9b024349-ccf0-5f69-a609-6b82873eab3c");
  CHECK(podcast_guid("https://www.podnews.net/rss") != "9b024349-ccf0-5f69-a609-6b82873eab3c");
}

TEST_CASE("uuid: UUIDv5 matches RFC 4122 values", "[feed]") {
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
  CHECK(uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") ==
        "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  CHECK(uuid_v5("6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "python.org") ==
        "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  std::string u = uuid_v5(kPodcastGuidNamespace, "example.com/feed.xml");
  CHECK(is_uuid(u));
  CHECK(u[14] == '5');
  CHECK((u[19] == '8' || u[19] == '9' || u[19] == 'a' || u[19] == 'b'));
  try {
    uuid_v5("not-a-uuid", "x");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::failure);  // a caller's bug: every namespace is a constant
    CHECK(std::string(e.what()) == "UUIDv5 namespace 'not-a-uuid' is not a UUID");
  }
}

TEST_CASE("uuid: is_uuid accepts only the 8-4-4-4-12 form", "[feed]") {
  CHECK(is_uuid("9b024349-ccf0-5f69-a609-6b82873eab3c"));
  CHECK(is_uuid("9B024349-CCF0-5F69-A609-6B82873EAB3C"));
  CHECK_FALSE(is_uuid("9b024349ccf05f69a6096b82873eab3c"));
  CHECK_FALSE(is_uuid("9b024349-ccf0-5f69-a609-6b82873eab3"));
  CHECK_FALSE(is_uuid("9b024349-ccf0-5f69-a609-6b82873eab3g"));
  CHECK_FALSE(is_uuid("{9b024349-ccf0-5f69-a609-6b82873eab3}"));
  CHECK_FALSE(is_uuid(""));
}

TEST_CASE("uuid: sha256_hex of the FIPS 180-2 examples", "[feed]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string("a\0b", 3)) != sha256_hex("ab"));
}

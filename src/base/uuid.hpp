#pragma once
// Name-based identifiers and content fingerprints: UUIDv5 (RFC 4122 section 4.3, SHA-1), the
// Podcasting 2.0 `podcast:guid` derived from a feed URL, and SHA-256 hex digests.
// Hashing uses OpenSSL libcrypto (EVP); only uuid.cpp includes it.

#include <string>
#include <string_view>

namespace briefcast {

// The namespace UUID the podcast namespace fixes for `podcast:guid`.
inline constexpr std::string_view kPodcastGuidNamespace = "ead4c236-bf58-58c6-a2c6-a6b28d128cb6";

// UUIDv5 of `name` (its bytes as given, no normalization) in `namespace_uuid` (textual form,
// either case). Returns lowercase "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
// Throws Error(ExitCode::failure) when `namespace_uuid` is not a UUID (a caller's bug: every
// namespace is a constant) or when libcrypto fails (with its reason).
std::string uuid_v5(std::string_view namespace_uuid, std::string_view name);

// `podcast:guid` for a feed URL: the scheme ("https://", "http://", any "scheme://") and trailing
// slashes removed, then UUIDv5 in kPodcastGuidNamespace. "https://podnews.net/rss/" →
// "9b024349-ccf0-5f69-a609-6b82873eab3c". Keep the result when the feed later moves.
std::string podcast_guid(std::string_view feed_url);

// True for the textual UUID form: 8-4-4-4-12 hex digits (either case), any version.
bool is_uuid(std::string_view text);

// Lowercase hex SHA-256 of the bytes (64 characters), for content fingerprints.
// Throws Error(ExitCode::failure) when libcrypto fails.
std::string sha256_hex(std::string_view bytes);

}  // namespace briefcast

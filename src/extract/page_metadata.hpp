#pragma once
// What an HTML page declares about itself: title, author, date, language, canonical URL and
// site name, read from <meta> tags (Open Graph, Twitter, Dublin Core, parse.ly, sailthru),
// <link rel=canonical>, <html lang>, <title>, <h1>, bylines (rel/itemprop=author),
// <time itemprop=datePublished> and JSON-LD (<script type="application/ld+json"> with
// NewsArticle/Article/BlogPosting/... and WebSite objects; broken JSON-LD is ignored).
//
// Reading collects every candidate value (PageMetadata); article_metadata() then picks one per
// field in a fixed order of trust. Pure: no I/O, nothing thrown but std::bad_alloc.

#include <string>

#include "markup/markup_tree.hpp"
#include "text/article.hpp"

namespace briefcast {

// Candidate values, each the first one the page gives (document order), whitespace-folded
// where noted; empty when absent.
struct PageMetadata {
  std::string og_title;     // <meta property=og:title>, folded
  std::string tw_title;     // <meta name=twitter:title>, folded
  std::string doc_title;    // the first <title>, folded
  std::string h1;           // the first <h1>, folded
  std::string ld_headline;  // JSON-LD article "headline"
  std::string author;       // author meta tags (author, article:author, dc.creator...), not URLs
  std::string ld_author;    // JSON-LD article "author" name(s), ", "-joined
  std::string byline;       // text of the first rel=author / itemprop=author element (< 100 B)
  std::string date;         // date meta tags, or <time itemprop=datePublished datetime>
  std::string ld_date;      // JSON-LD "datePublished"
  std::string lang;         // <html lang> (or xml:lang)
  std::string og_locale;    // og:locale ("en_US")
  std::string content_language;  // <meta http-equiv=content-language>
  std::string ld_lang;           // JSON-LD "inLanguage"
  std::string canonical;         // <link rel=canonical href>, folded
  std::string og_url;            // og:url
  std::string ld_url;            // JSON-LD "url" or "mainEntityOfPage"
  std::string site_name;         // og:site_name or application-name
  std::string ld_site;           // JSON-LD "publisher" name, or a WebSite object's "name"
  int h1_count = 0;              // <h1> elements on the page
};

// Reads the metadata of the page whose root element (<html>) is `root`. Walks without
// recursion; JSON-LD objects nest at most 16 deep before being ignored.
PageMetadata read_page_metadata(const MarkupNode& root);

// An Article with only the metadata fields set, each picked from `meta`:
//  - title: og:title, JSON-LD headline, twitter:title, the <h1> when there is exactly one,
//    <title>; then strip_site_suffix() with the site name
//  - site_name: og:site_name / application-name, else JSON-LD publisher
//  - author: JSON-LD, meta tags, byline; a leading "By " dropped
//  - date: JSON-LD, else meta tags, through iso_date()
//  - language: <html lang>, og:locale, content-language, JSON-LD; '_' becomes '-'
//  - canonical_url: the first of canonical link, og:url, JSON-LD url that is http(s)
// All folded (whitespace runs to one space).
Article article_metadata(const PageMetadata& meta);

// "2019-11-18T10:00:00Z" (anything starting YYYY-MM-DD) stays as it is; "2019/11/18",
// "20191118", "November 18, 2019", "18th Nov 2019" become "2019-11-18". Anything else, or an
// impossible month or day, is returned unchanged.
std::string iso_date(const std::string& raw);

// Drops a site-name suffix (" | Site", " - Site", " – ", " — ", " :: ", " · ", " « ") from a
// title, at most twice: when the part after the last separator matches `site_name`
// (case-insensitively, either containing the other), or is at most 4 words after at least 3.
// Failing that, a "Site | " prefix equal to `site_name` is dropped instead.
std::string strip_site_suffix(std::string title, const std::string& site_name);

}  // namespace briefcast

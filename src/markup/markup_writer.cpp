#include "markup/markup_writer.hpp"

#include <cstdio>

namespace briefcast {
namespace {

void escape_text(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
}

void append_hex_reference(std::string& out, unsigned long cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "&#x%lX;", cp);
  out += buf;
}

// libxml2's attribute escaping; without a declared encoding non-ASCII becomes references.
void escape_attribute(std::string& out, std::string_view s, bool ascii_only) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '\n':
        out += "&#10;";
        continue;
      case '\r':
        out += "&#13;";
        continue;
      case '\t':
        out += "&#9;";
        continue;
      case '"':
        out += "&quot;";
        continue;
      case '<':
        out += "&lt;";
        continue;
      case '>':
        out += "&gt;";
        continue;
      case '&':
        out += "&amp;";
        continue;
      default:
        break;
    }
    if (c < 0x80 || !ascii_only || i + 1 >= s.size()) {
      out += static_cast<char>(c);
      continue;
    }
    // The tree holds UTF-8 that libxml2 checked; anything else is written byte by byte.
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (c >= 0xF8 || i + len > s.size()) len = 1;
    unsigned long cp = len == 1 ? c : c & (0xFFu >> (len + 1));
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    append_hex_reference(out, cp);
    i += len - 1;
  }
}

// libxml2's xmlBufWriteQuotedString, used for namespace URIs.
void append_quoted(std::string& out, std::string_view s) {
  if (s.find('"') == std::string_view::npos) {
    out += '"';
    out += s;
    out += '"';
  } else if (s.find('\'') == std::string_view::npos) {
    out += '\'';
    out += s;
    out += '\'';
  } else {
    out += '"';
    for (char c : s) {
      if (c == '"') {
        out += "&quot;";
      } else {
        out += c;
      }
    }
    out += '"';
  }
}

void append_qname(std::string& out, const MarkupNamespace* ns, std::string_view name) {
  if (ns && !ns->prefix.empty()) {
    out += ns->prefix;
    out += ':';
  }
  out += name;
}

}  // namespace

std::string serialize_xml(const MarkupDocument& doc, const MarkupNode& top) {
  std::string out;
  const MarkupNode* n = &top;
  while (n) {
    switch (n->kind) {
      case MarkupKind::element:
        out += '<';
        append_qname(out, n->ns, n->name);
        for (const MarkupNamespace* d = n->declared; d; d = d->next_declared) {
          if (d->prefix == "xml") continue;
          out += d->prefix.empty() ? " xmlns=" : " xmlns:" + d->prefix + "=";
          append_quoted(out, d->uri);
        }
        for (const MarkupAttribute& a : n->attributes) {
          if (a.defaulted) continue;
          out += ' ';
          append_qname(out, a.ns, a.name);
          out += "=\"";
          escape_attribute(out, a.value, !doc.declared_encoding());
          out += '"';
        }
        out += n->first_child ? ">" : "/>";
        break;
      case MarkupKind::text:
        escape_text(out, n->text);
        break;
      case MarkupKind::cdata: {
        if (n->text.empty()) {
          out += "<![CDATA[]]>";
          break;
        }
        // "]]>" cannot stand inside a section: libxml2 ends it after "]]" and opens another.
        std::size_t start = 0;
        for (std::size_t at = n->text.find("]]>"); at != std::string::npos;
             at = n->text.find("]]>", at + 3)) {
          out += "<![CDATA[" + n->text.substr(start, at + 2 - start) + "]]>";
          start = at + 2;
        }
        if (start < n->text.size()) out += "<![CDATA[" + n->text.substr(start) + "]]>";
        break;
      }
      case MarkupKind::comment:
        out += "<!--" + n->text + "-->";
        break;
      case MarkupKind::processing_instruction:
        out += "<?" + n->name + (n->text.empty() ? "" : " " + n->text) + "?>";
        break;
      case MarkupKind::entity_reference:
        out += '&' + n->name + ';';
        break;
    }
    if (n->is_element() && n->first_child) {
      n = n->first_child;
      continue;
    }
    for (;;) {
      if (n == &top) return out;
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
      out += "</";
      append_qname(out, n->ns, n->name);
      out += '>';
    }
  }
  return out;
}

}  // namespace briefcast

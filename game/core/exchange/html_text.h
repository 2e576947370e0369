// Plain text from the HTML that TimelineJS allows in headlines, text and captions.
#pragma once
#include <string>
#include <string_view>

namespace chronicle {

// Drops tags (and the content of <script> and <style>, and comments), turns block
// ends and <br> into line breaks, decodes character references (&amp;, &#8217;,
// &#x4E2D;, and the common named ones; an unknown one is kept as written), and
// collapses white space. Valid UTF-8 in gives valid UTF-8 out.
std::string plain_text_from_html(std::string_view html);

} // namespace chronicle

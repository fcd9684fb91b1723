#pragma once
// The yearly report as a document: what it says, laid out as a Vietnamese administrative
// document (Decree 30/2020/NĐ-CP: issuing body and national motto at the top, number and date,
// title, body, recipients, signature block, annexes), independent of how it is printed.
// draft_yearly_report (draft.hpp) fills it from a year's figures; render_document_html and
// write_document_pdf print it. Every string is final text in the document's language: a place
// the office fills by hand is already written as a visible blank ("……"), and renderers add no
// words of their own.
#include <string>
#include <variant>
#include <vector>

namespace parscore::engine::yearly {

/// A piece of a paragraph's text.
struct Span {
    std::string text;
    bool bold = false;
    bool italic = false;
};

enum class ParagraphStyle {
    Heading1,  // "I. KẾT QUẢ THỰC HIỆN": bold, capitals as written, flush left
    Heading2,  // "1. Cải cách thủ tục hành chính": bold, flush left
    Body,      // justified, first line indented
    Bullet,    // "- …": an item of a list, first line indented like Body
    Note,      // italic, smaller: what a figure rests on, what is missing
};

struct Paragraph {
    ParagraphStyle style = ParagraphStyle::Body;
    std::vector<Span> spans;
};

enum class Align { Left, Center, Right };

struct Column {
    std::string heading;
    double width = 1;  // relative to the other columns' widths
    Align align = Align::Left;
};

struct TableRow {
    std::vector<std::string> cells;  // one per column
    /// A heading row inside the table ("Khối sở, ban, ngành"): cells[0] spans every column.
    bool group = false;
    bool bold = false;  // a total row
};

/// A table printed on as many pages as it needs: the header row repeats at the top of each page
/// and a row is never split across pages.
struct Table {
    std::string caption;  // above the table ("Bảng 1. …"); may be empty
    std::vector<Column> columns;
    std::vector<TableRow> rows;
};

using Block = std::variant<Paragraph, Table>;

/// The top of the first page: the issuing body on the left, the national motto on the right,
/// then the number (left) and the place and date (right, italic).
struct Letterhead {
    std::string parent_body;   // "UBND TỈNH HÒA BÌNH" (may be empty)
    std::string issuing_body;  // "SỞ NỘI VỤ": bold, with a short rule under it
    std::string country;       // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": bold
    std::string motto;         // "Độc lập - Tự do - Hạnh phúc": bold, with a rule under it
    std::string number;        // "Số: 125/BC-SNV"
    std::string place_date;    // "Hòa Bình, ngày 20 tháng 12 năm 2013": italic
};

/// The bottom of the body: recipients on the left, the signature block on the right.
struct Closing {
    std::string recipients_heading;       // "Nơi nhận:": bold italic
    std::vector<std::string> recipients;  // "- UBND tỉnh (để báo cáo);": small
    std::string authority;                // "KT. GIÁM ĐỐC" (may be empty): bold
    std::string signer_title;             // "PHÓ GIÁM ĐỐC": bold
    std::string signer_name;              // "Nguyễn Văn A": bold, below the room left to sign
};

/// An annex: starts on a new page; `landscape` prints its pages landscape.
struct Annex {
    std::string heading;   // "Phụ lục I": bold, centred
    std::string title;     // bold, centred
    std::string subtitle;  // italic, centred ("Kèm theo Báo cáo số … ngày …"); may be empty
    std::vector<Block> blocks;
    bool landscape = false;
};

/// What a PDF carries as document information, and an HTML file in its head.
struct Metadata {
    std::string title;     // the document's title
    std::string subject;   // "Năm 2013 · hoa-binh-cchc 2013.2 · sha256 …"
    std::string keywords;  // "2013, hoa-binh-cchc, <rulebook sha256>"
    std::string author;    // the issuing body, or empty
    std::string language;  // "vi" or "en" (HTML lang)
    std::string date;      // "2013-12-20": the PDF's creation date, so the same document prints to the
                           // same bytes; empty: the report's year's 31 December is not known
};

struct Document {
    Metadata meta;
    Letterhead letterhead;
    std::string kind;   // "BÁO CÁO": bold, centred
    std::string title;  // "Kết quả … năm 2013": bold, centred
    std::vector<Block> body;
    Closing closing;
    std::vector<Annex> annexes;
};

}  // namespace parscore::engine::yearly

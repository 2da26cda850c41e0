#pragma once

#include "common/result.h"
#include "documents/document.h"

#include <QString>

class QIODevice;
class QPagedPaintDevice;

namespace FrontDoor {

// Lays out a document's content (core/documents) on A4 pages: for a PDF file, or a printer. Only what the
// Document holds is written — its title as the PDF title, nothing else about the referral — so the redaction decided
// in core is what reaches the page, the file name and the metadata. Needs a QGuiApplication (fonts).
class PdfRenderer
{
public:
    static Status writePdf(const Document &document, const QString &path);
    // The same PDF in memory: what the redaction property test searches byte by byte.
    static QByteArray pdfBytes(const Document &document);
    static void paint(const Document &document, QPagedPaintDevice &device);
    // The HTML the pages are laid out from: paragraphs escaped, "## " and "### " lines as headings.
    static QString html(const Document &document);

private:
    static void write(const Document &document, QIODevice &device);
};

} // namespace FrontDoor

#include "pdfrenderer.h"

#include <QBuffer>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace FrontDoor {

QString PdfRenderer::html(const Document &document)
{
    QString body = QStringLiteral("<h1>%1</h1>").arg(document.title.toHtmlEscaped());
    for (const QString &paragraph : document.paragraphs) {
        if (paragraph.startsWith(QLatin1String("### ")))
            body += QStringLiteral("<h3>%1</h3>").arg(paragraph.mid(4).toHtmlEscaped());
        else if (paragraph.startsWith(QLatin1String("## ")))
            body += QStringLiteral("<h2>%1</h2>").arg(paragraph.mid(3).toHtmlEscaped());
        else
            body += QStringLiteral("<p>%1</p>").arg(paragraph.toHtmlEscaped());
    }
    if (!document.footer.isEmpty())
        body += QStringLiteral("<hr/><p class=\"footer\">%1</p>").arg(document.footer.toHtmlEscaped());
    return body;
}

void PdfRenderer::paint(const Document &document, QPagedPaintDevice &device)
{
    QTextDocument text;
    text.setDefaultStyleSheet(QStringLiteral("h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 10px; } "
                                             "h3 { font-size: 11pt; } p { font-size: 10pt; margin: 2px 0; } "
                                             "p.footer { font-size: 8pt; color: #444444; }"));
    text.setHtml(html(document));
    text.setMetaInformation(QTextDocument::DocumentTitle, document.title);
    text.print(&device);
}

void PdfRenderer::write(const Document &document, QIODevice &device)
{
    QPdfWriter writer(&device);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(document.metadata.value(QStringLiteral("title"), document.title));
    writer.setCreator(QStringLiteral("Front Door"));
    paint(document, writer);
} // the PDF is complete once the writer is gone

QByteArray PdfRenderer::pdfBytes(const Document &document)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    write(document, buffer);
    return buffer.data();
}

Status PdfRenderer::writePdf(const Document &document, const QString &path)
{
    // Written beside the target and renamed into place: an existing file is replaced whole or not at all, and a
    // full disk leaves no half a PDF behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::IoError, QStringLiteral("%1 cannot be written: %2.").arg(path, file.errorString()));
    write(document, file);
    if (file.size() == 0 || !file.commit())
        return makeError(ErrorCode::IoError, QStringLiteral("%1 could not be written: %2.").arg(path, file.errorString()));
    return {};
}

} // namespace FrontDoor

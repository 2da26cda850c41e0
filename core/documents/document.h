#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace FrontDoor {

// A document's content, before anyone lays it out (PDF, print, screen): every string that will leave the
// building is here — the body and also the title, the file name and the metadata — so one test can look at all of
// it for what must not be there.
struct Document
{
    QString title;
    QStringList paragraphs;
    QString fileNameStem;            // without extension; never a person's name
    QMap<QString, QString> metadata; // e.g. PDF author, subject, keywords
    QString footer;                  // the audit anchor it left with (AnchorLog::footer); empty on screen

    // Every string of the document, for checks that nothing forbidden is anywhere in it.
    QStringList everyString() const
    {
        QStringList all{title, fileNameStem, footer};
        all << paragraphs << metadata.keys() << metadata.values();
        return all;
    }
};

} // namespace FrontDoor

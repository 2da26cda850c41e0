#pragma once

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "editor/referraleditor.h"

#include <QTest>

namespace FrontDoorTest {

// The profile's question id for a field ("triage.immediateDanger" → its question's id), as object names use it.
inline QString idOf(const QString &field)
{
    const FrontDoor::Question *question = norfolk().questionForField(field, FrontDoor::Repeat::None);
    REQUIRE(question);
    return question->id;
}

// A new Norfolk draft in the editor, on a 1366×768 screen, with the keyboard.
struct ShownEditor
{
    explicit ShownEditor(StoreFixture &f)
        : draft(f->referrals().createDraft(norfolk(), handler).value()),
          editor(f->referrals(), norfolk(), draft, handler, f.clock)
    {
        editor.resize(1366, 768);
        editor.show();
        REQUIRE(QTest::qWaitForWindowActive(&editor));
    }
    FrontDoor::StoredReferral draft;
    FrontDoor::ReferralEditor editor;
};

} // namespace FrontDoorTest

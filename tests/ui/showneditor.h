#pragma once

#include "storefixture.h"
#include "support/referralbuilder.h"

#include "editor/referraleditor.h"

#include <QTest>

namespace FrontDoorTest {

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

// The whole operation × role matrix (issue 5), written out so that a change to who may do what is a visible
// change to this table.

#include <catch2/catch.hpp>

#include "access/permissions.h"

#include <map>

using namespace FrontDoor;

TEST_CASE("Every operation × every role is allowed or denied exactly as the table says")
{
    //                                         call-handler, supervisor, administrator
    const std::map<Operation, std::array<bool, 3>> expected{
        {Operation::CreateReferral, {true, true, false}},
        {Operation::ViewOwnReferral, {true, true, false}},
        {Operation::ViewAnyReferral, {false, true, false}},
        {Operation::EditOwnDraft, {true, true, false}},
        {Operation::EditAnyDraft, {false, true, false}},
        {Operation::SubmitOwnReferral, {true, true, false}},
        {Operation::AmendSubmitted, {false, true, false}},
        {Operation::RecordDecision, {false, true, false}},
        {Operation::ApproveConsentDecision, {false, true, false}},
        {Operation::SignDecision, {false, true, false}},
        {Operation::ExportOrPrint, {false, true, false}},
        {Operation::ManageAccounts, {false, false, true}},
        {Operation::ManageSettings, {false, false, true}},
        {Operation::ManageBackups, {false, false, true}},
        {Operation::VerifyAudit, {false, true, true}},
    };
    REQUIRE(expected.size() == std::size(allOperations));
    const Role roles[] = {Role::CallHandler, Role::Supervisor, Role::Administrator};
    for (const Operation operation : allOperations) {
        REQUIRE(expected.count(operation) == 1);
        CHECK_FALSE(operationName(operation).isEmpty());
        for (int r = 0; r < 3; ++r) {
            INFO(roleName(roles[r]).toStdString() << " may " << operationName(operation).toStdString());
            CHECK(isAllowed(roles[r], operation) == expected.at(operation)[size_t(r)]);
        }
    }
}

TEST_CASE("An administrator does not read case content")
{
    for (const Operation operation : {Operation::ViewOwnReferral, Operation::ViewAnyReferral, Operation::ExportOrPrint})
        CHECK_FALSE(isAllowed(Role::Administrator, operation));
}

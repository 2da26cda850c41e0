#include "keyclashes.h"

#include <QAbstractButton>
#include <QAction>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QShortcut>
#include <QTabBar>
#include <QWidget>

namespace FrontDoorTest {

namespace {

struct Claims
{
    QMap<QString, QStringList> windowWide; // key → who claims it
    QMap<QString, QStringList> scoped;

    void mnemonic(const QString &text, const QString &who)
    {
        const QKeySequence key = QKeySequence::mnemonic(text);
        if (!key.isEmpty())
            windowWide[key.toString(QKeySequence::PortableText)].append(who);
    }
    void shortcut(const QKeySequence &key, Qt::ShortcutContext context, const QString &who)
    {
        if (key.isEmpty())
            return;
        const QString name = key.toString(QKeySequence::PortableText);
        (context == Qt::WindowShortcut || context == Qt::ApplicationShortcut ? windowWide : scoped)[name].append(who);
    }
};

bool shownIn(const QWidget *widget, const QWidget &window)
{
    return widget && widget->window() == &window && widget->isVisible();
}

QString quoted(const QString &text)
{
    return QStringLiteral("“%1”").arg(text);
}

void claimWidgets(Claims &claims, QWidget &window)
{
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        if (!shownIn(widget, window))
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            claims.mnemonic(button->text(), QStringLiteral("button ") + quoted(button->text()));
        } else if (auto *label = qobject_cast<QLabel *>(widget); label && label->buddy()) {
            claims.mnemonic(label->text(), QStringLiteral("label ") + quoted(label->text()));
        } else if (auto *group = qobject_cast<QGroupBox *>(widget); group && group->isCheckable()) {
            claims.mnemonic(group->title(), QStringLiteral("group ") + quoted(group->title()));
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->isTabVisible(i))
                    claims.mnemonic(tabs->tabText(i), QStringLiteral("tab ") + quoted(tabs->tabText(i)));
        } else if (auto *bar = qobject_cast<QMenuBar *>(widget)) {
            for (QAction *menu : bar->actions())
                if (menu->isVisible())
                    claims.mnemonic(menu->text(), QStringLiteral("menu ") + quoted(menu->text()));
        }
    }
}

void claimShortcuts(Claims &claims, QWidget &window)
{
    QSet<QAction *> seen;
    for (QAction *action : window.findChildren<QAction *>()) {
        if (seen.contains(action) || !action->isVisible())
            continue;
        seen.insert(action);
        // Live when some widget it belongs to is shown in this window (or its menu hangs off the menu bar).
        bool live = false;
        for (QObject *owner : action->associatedObjects()) {
            auto *widget = qobject_cast<QWidget *>(owner);
            auto *menu = qobject_cast<QMenu *>(owner);
            live = live || shownIn(widget, window)
                   || (menu && menu->menuAction() && window.findChild<QMenuBar *>()
                       && window.findChild<QMenuBar *>()->actions().contains(menu->menuAction()));
        }
        if (!live)
            continue;
        for (const QKeySequence &key : action->shortcuts())
            claims.shortcut(key, action->shortcutContext(),
                            QStringLiteral("action ") + quoted(action->text().isEmpty() ? action->objectName()
                                                                                       : action->text()));
    }
    for (QShortcut *shortcut : window.findChildren<QShortcut *>())
        if (shortcut->isEnabled() && shownIn(qobject_cast<QWidget *>(shortcut->parent()), window))
            for (const QKeySequence &key : shortcut->keys())
                claims.shortcut(key, shortcut->context(),
                                QStringLiteral("shortcut of %1").arg(shortcut->parent()->objectName().isEmpty()
                                                                         ? QString::fromLatin1(shortcut->parent()->metaObject()->className())
                                                                         : shortcut->parent()->objectName()));
}

} // namespace

QStringList keyClashes(QWidget &window)
{
    Claims claims;
    claimWidgets(claims, window);
    claimShortcuts(claims, window);
    QStringList clashes;
    for (auto it = claims.windowWide.cbegin(); it != claims.windowWide.cend(); ++it) {
        QStringList who = it.value();
        who.append(claims.scoped.value(it.key()));
        if (who.size() > 1)
            clashes.append(QStringLiteral("%1: %2").arg(it.key(), who.join(QStringLiteral(" · "))));
    }
    return clashes;
}

} // namespace FrontDoorTest

#include "accessiblecombobox.h"

#include <QAbstractItemView>
#include <QAccessibleWidget>
#include <QComboBox>

namespace FrontDoor::AccessibleComboBox {

namespace {

// Role, state and geometry as QAccessibleWidget gives them; the name from accessibleName, the value from the
// choice, the open list as the one child (so a reader can walk the options), and the actions to open it.
class NamedComboBox final : public QAccessibleWidget
{
public:
    explicit NamedComboBox(QComboBox *combo)
        : QAccessibleWidget(combo, QAccessible::ComboBox)
    {}

    QString text(QAccessible::Text what) const override
    {
        switch (what) {
        case QAccessible::Name:
            return combo()->accessibleName();
        case QAccessible::Value:
            return combo()->currentText();
        default:
            return QAccessibleWidget::text(what);
        }
    }

    int childCount() const override { return 1; }
    QAccessibleInterface *child(int index) const override
    {
        return index == 0 ? QAccessible::queryAccessibleInterface(combo()->view()) : nullptr;
    }
    int indexOfChild(const QAccessibleInterface *child) const override
    {
        return child && child->object() == combo()->view() ? 0 : -1;
    }

    QStringList actionNames() const override { return {showMenuAction(), pressAction()}; }
    void doAction(const QString &action) override
    {
        if (action == showMenuAction() || action == pressAction())
            combo()->showPopup();
    }

private:
    QComboBox *combo() const { return static_cast<QComboBox *>(widget()); }
};

QAccessibleInterface *named(const QString &className, QObject *object)
{
    auto *combo = qobject_cast<QComboBox *>(object);
    if (!combo || className != QLatin1String("QComboBox") || combo->isEditable() || combo->accessibleName().isEmpty())
        return nullptr;
    return new NamedComboBox(combo);
}

} // namespace

void install()
{
    QAccessible::installFactory(named);
}

} // namespace FrontDoor::AccessibleComboBox

#pragma once

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace FrontDoorTest {

// Counts the keys a person presses while it lives (issue 18: how many keystrokes a whole call and a whole review
// take): every key press delivered in the application, once however far it propagates, and apart from it the
// characters typed into text fields — so "keys" is what moves, answers and commands, "typed" what was written.
class KeystrokeCounter : public QObject
{
public:
    KeystrokeCounter() { qApp->installEventFilter(this); }
    ~KeystrokeCounter() override { qApp->removeEventFilter(this); }

    int keys() const { return m_presses - m_typed; }
    int typed() const { return m_typed; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyRelease)
            m_pressing = false;
        if (event->type() != QEvent::KeyPress || m_pressing) // one press, however many widgets it passes
            return false;
        m_pressing = true;
        ++m_presses;
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool textField = qobject_cast<QLineEdit *>(watched) || qobject_cast<QPlainTextEdit *>(watched);
        if (textField && !key->text().isEmpty() && key->text().at(0).isPrint()
            && !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
            ++m_typed;
        return false;
    }

private:
    bool m_pressing = false;
    int m_presses = 0;
    int m_typed = 0;
};

} // namespace FrontDoorTest

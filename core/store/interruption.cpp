#include "store/interruption.h"

#include <sqlite3.h>

namespace FrontDoor {

void Interruption::publish(sqlite3 *db)
{
    const std::lock_guard lock(m_mutex);
    m_db = db;
    if (m_stopped.load() && m_db)
        sqlite3_interrupt(m_db);
}

void Interruption::withdraw()
{
    const std::lock_guard lock(m_mutex);
    m_db = nullptr;
}

void Interruption::stop()
{
    const std::lock_guard lock(m_mutex);
    m_stopped.store(true);
    if (m_db)
        sqlite3_interrupt(m_db);
}

} // namespace FrontDoor

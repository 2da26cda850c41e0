#pragma once

#include <QtGlobal>

#include <algorithm>
#include <vector>

namespace FrontDoorBench {

// Timings in milliseconds, read as percentiles.
struct Samples
{
    std::vector<double> ms;
    void add(qint64 nanoseconds) { ms.push_back(double(nanoseconds) / 1e6); }
    void merge(const Samples &other) { ms.insert(ms.end(), other.ms.begin(), other.ms.end()); }
    double at(double share)
    {
        std::sort(ms.begin(), ms.end());
        return ms.empty() ? 0 : ms[size_t(share * double(ms.size() - 1))];
    }
};

} // namespace FrontDoorBench

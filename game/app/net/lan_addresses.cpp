#include "app/net/web_server.h"

#include <algorithm>
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

namespace chronicle::net {

namespace {

// 10/8, 172.16/12, 192.168/16: where a classroom's phones are. Anything else (a public
// address, a link-local 169.254 one) may still be the only way in, so it comes after.
bool is_private(uint32_t host_order) {
    return (host_order >> 24) == 10 || (host_order >> 20) == 0xAC1 || (host_order >> 16) == 0xC0A8;
}

} // namespace

std::vector<std::string> lan_addresses() {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return {};
    std::vector<std::pair<bool, std::string>> found; // (not private, address)
    for (const ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
        if (entry->ifa_addr == nullptr || entry->ifa_addr->sa_family != AF_INET) continue;
        if ((entry->ifa_flags & IFF_UP) == 0 || (entry->ifa_flags & IFF_LOOPBACK) != 0) continue;
        sockaddr_in address{};
        std::copy_n(reinterpret_cast<const unsigned char*>(entry->ifa_addr), sizeof address,
                    reinterpret_cast<unsigned char*>(&address));
        const uint32_t host_order = ntohl(address.sin_addr.s_addr);
        if ((host_order >> 24) == 127) continue;
        char text[INET_ADDRSTRLEN] = {};
        if (inet_ntop(AF_INET, &address.sin_addr, text, sizeof text) == nullptr) continue;
        std::pair<bool, std::string> item{!is_private(host_order), text};
        if (std::find(found.begin(), found.end(), item) == found.end()) found.push_back(std::move(item));
    }
    freeifaddrs(list);
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> addresses;
    for (auto& item : found) addresses.push_back(std::move(item.second));
    return addresses;
}

} // namespace chronicle::net

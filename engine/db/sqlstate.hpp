// The SQLSTATE codes strata acts on, by name (PostgreSQL's errcodes; CockroachDB uses the same).
#pragma once

#include <string_view>

namespace strata::sqlstate {

inline constexpr std::string_view kSerializationFailure = "40001";
inline constexpr std::string_view kDeadlockDetected = "40P01";
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kDuplicateTable = "42P07";
inline constexpr std::string_view kDuplicateObject = "42710";
inline constexpr std::string_view kUndefinedTable = "42P01";
inline constexpr std::string_view kUndefinedColumn = "42703";
inline constexpr std::string_view kInsufficientPrivilege = "42501";
inline constexpr std::string_view kLockNotAvailable = "55P03";  // also lock_timeout running out
inline constexpr std::string_view kQueryCanceled = "57014";     // also statement_timeout running out
inline constexpr std::string_view kAdminShutdown = "57P01";
inline constexpr std::string_view kCrashShutdown = "57P02";
inline constexpr std::string_view kCannotConnectNow = "57P03";
inline constexpr std::string_view kActiveSqlTransaction = "25001";
inline constexpr std::string_view kConnectionExceptionClass = "08";  // the class: every 08xxx

}  // namespace strata::sqlstate

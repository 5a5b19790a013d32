namespace Bulwark.Venues.Tests.Paper;

/// <summary>Where a test's paper account lives: the same rules must hold in each.</summary>
public enum PaperStoreKind
{
    /// <summary>A real SQLite file.</summary>
    Sqlite,

    /// <summary>In memory, keeping every order and fill.</summary>
    Memory,

    /// <summary>In memory without history: orders are forgotten once terminal, fills are not kept.</summary>
    MemoryWithoutHistory,
}

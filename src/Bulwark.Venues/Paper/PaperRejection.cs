using Bulwark.Core.Venues;

namespace Bulwark.Venues.Paper;

/// <summary>Why the paper venue refuses an order.</summary>
internal sealed record PaperRejection(VenueRejectCode Code, string Message);

using Bulwark.Core.Model;

namespace Bulwark.Core.Tests.Strategies;

internal sealed record RecordedSignal(int Bar, string Source, string Symbol, SignalDirection Direction, decimal Strength, decimal? TargetQuantity);

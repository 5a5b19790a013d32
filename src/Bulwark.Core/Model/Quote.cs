namespace Bulwark.Core.Model;

public readonly record struct Quote(string Symbol, DateTimeOffset Time, decimal Bid, decimal Ask, decimal BidSize, decimal AskSize)
{
    public decimal Mid => (Bid + Ask) / 2m;
}

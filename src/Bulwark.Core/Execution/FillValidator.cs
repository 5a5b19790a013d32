using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Execution;

/// <summary>
/// Checks a venue fill against the order it claims to fill. Pure: it reports issues; the kernel still applies
/// the fill (the broker is truth) and raises an alert for each issue.
/// </summary>
public sealed class FillValidator(FillValidationOptions options)
{
    public FillValidationOptions Options { get; } = options;

    public FillIssues Validate(VenueFill fill, Order? order, DateTimeOffset now)
    {
        var issues = FillIssues.None;
        if (fill.Quantity <= 0m) issues |= FillIssues.NonPositiveQuantity;
        if (fill.Price <= 0m) issues |= FillIssues.NonPositivePrice;
        if (now - fill.Time > TimeSpan.FromSeconds(Options.MaxFillAgeSeconds)) issues |= FillIssues.Stale;
        if (order is null) return issues | FillIssues.UnknownOrder;

        if (!OrderStateMachine.TryNext(order.Status, OrderTrigger.PartialFill, out _)) issues |= FillIssues.OrderNotFillable;
        if (order.Status is OrderStatus.Canceled or OrderStatus.Expired) issues |= FillIssues.OrderNotFillable;
        if (!string.Equals(order.Symbol, fill.Symbol, StringComparison.Ordinal)) issues |= FillIssues.SymbolMismatch;
        if (order.Side != fill.Side) issues |= FillIssues.SideMismatch;
        if (order.FilledQuantity + fill.Quantity > order.Quantity) issues |= FillIssues.Overfill;
        if (fill.Price > 0m && ExceedsSlippage(order, fill.Price)) issues |= FillIssues.Slippage;
        return issues;
    }

    /// <summary>Same test as <see cref="SlippagePercent"/> &gt; max, without a decimal division on every fill.</summary>
    private bool ExceedsSlippage(Order order, decimal fillPrice)
    {
        if (order.ExpectedPrice <= 0m) return false;
        return AdverseMove(order, fillPrice) * 100m > Options.MaxSlippagePercent * order.ExpectedPrice;
    }

    /// <summary>Adverse slippage in percent of the expected price (negative when the fill was better).</summary>
    public static decimal SlippagePercent(Order order, decimal fillPrice)
    {
        if (order.ExpectedPrice <= 0m) return 0m;
        return AdverseMove(order, fillPrice) / order.ExpectedPrice * 100m;
    }

    /// <summary>How much worse than expected the fill is, in price (negative when better).</summary>
    private static decimal AdverseMove(Order order, decimal fillPrice) =>
        order.Side == OrderSide.Buy ? fillPrice - order.ExpectedPrice : order.ExpectedPrice - fillPrice;

    /// <summary>True when an order ending now (cancel/expiry) filled less than the allowed partial ratio, but some.</summary>
    public bool IsSmallPartial(Order order) =>
        order.FilledQuantity > 0m && order.FilledQuantity < order.Quantity
        && order.FilledQuantity / order.Quantity < Options.MinPartialFillRatio;
}

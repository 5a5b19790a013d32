using Bulwark.Core.Execution;
using Bulwark.Core.Orders;
using Bulwark.Core.Venues;

namespace Bulwark.Core.Tests.Execution;

public sealed class FillValidatorTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 5, 15, 0, 0, TimeSpan.Zero);

    private static readonly FillValidator Validator = new(new FillValidationOptions
    {
        MaxSlippagePercent = 2m,
        MaxFillAgeSeconds = 300,
        MinPartialFillRatio = 0.5m,
    });

    private static Order NewOrder(OrderSide side = OrderSide.Buy, decimal quantity = 10m, decimal expected = 100m,
        OrderStatus status = OrderStatus.Accepted, decimal filled = 0m) => new()
    {
        ClientOrderId = "bot-20240305-000001",
        OrderSequence = 1,
        SignalId = "s-1",
        Source = "test",
        Symbol = "AAPL",
        Side = side,
        Type = OrderType.Market,
        TimeInForce = TimeInForce.Gtc,
        Quantity = quantity,
        ExpectedPrice = expected,
        CreatedAt = Now,
        Status = status,
        FilledQuantity = filled,
    };

    private static VenueFill Fill(decimal quantity = 10m, decimal price = 100m, OrderSide side = OrderSide.Buy,
        string symbol = "AAPL", TimeSpan? age = null) =>
        new("t-1", "bot-20240305-000001", "v-1", symbol, side, quantity, price, 0m, Now - (age ?? TimeSpan.Zero));

    [Fact]
    public void GoodFill_HasNoIssues() =>
        Assert.Equal(FillIssues.None, Validator.Validate(Fill(), NewOrder(), Now));

    [Fact]
    public void Fill_ForNoKnownOrder_IsUnknownOrder() =>
        Assert.Equal(FillIssues.UnknownOrder, Validator.Validate(Fill(), null, Now));

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Fill_WithNonPositiveQuantity_IsFlagged(string qty) =>
        Assert.Equal(FillIssues.NonPositiveQuantity, Validator.Validate(Fill(quantity: decimal.Parse(qty)), NewOrder(), Now));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public void Fill_WithNonPositivePrice_IsFlagged_AndNotAlsoSlippage(string price) =>
        Assert.Equal(FillIssues.NonPositivePrice, Validator.Validate(Fill(price: decimal.Parse(price)), NewOrder(), Now));

    [Fact]
    public void Fill_OlderThanTheMaximumAge_IsStale()
    {
        Assert.Equal(FillIssues.None, Validator.Validate(Fill(age: TimeSpan.FromSeconds(300)), NewOrder(), Now));
        Assert.Equal(FillIssues.Stale, Validator.Validate(Fill(age: TimeSpan.FromSeconds(301)), NewOrder(), Now));
    }

    [Fact]
    public void Fill_StampedInTheFuture_IsNotStale() =>
        Assert.Equal(FillIssues.None, Validator.Validate(Fill(age: TimeSpan.FromSeconds(-30)), NewOrder(), Now));

    [Fact]
    public void Fill_ForAnotherSymbol_IsSymbolMismatch() =>
        Assert.Equal(FillIssues.SymbolMismatch, Validator.Validate(Fill(symbol: "MSFT"), NewOrder(), Now));

    [Fact]
    public void Fill_OnTheOtherSide_IsSideMismatch() =>
        // A sell fill against a buy order: the slippage is measured against the order's side, so keep the price equal.
        Assert.Equal(FillIssues.SideMismatch, Validator.Validate(Fill(side: OrderSide.Sell), NewOrder(), Now));

    [Fact]
    public void Fill_BeyondTheOrderQuantity_IsOverfill()
    {
        Assert.Equal(FillIssues.None, Validator.Validate(Fill(quantity: 4m), NewOrder(filled: 6m, status: OrderStatus.PartiallyFilled), Now));
        Assert.Equal(FillIssues.Overfill, Validator.Validate(Fill(quantity: 5m), NewOrder(filled: 6m, status: OrderStatus.PartiallyFilled), Now));
    }

    [Theory]
    [InlineData(OrderStatus.Submitted)]
    [InlineData(OrderStatus.Accepted)]
    [InlineData(OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PendingCancel)]
    public void Fill_OnAWorkingOrder_IsFillable(OrderStatus status) =>
        Assert.Equal(FillIssues.None, Validator.Validate(Fill(quantity: 1m), NewOrder(status: status), Now));

    [Theory]
    [InlineData(OrderStatus.Initialized)]
    [InlineData(OrderStatus.Denied)]
    [InlineData(OrderStatus.Rejected)]
    [InlineData(OrderStatus.Canceled)] // a late fill: applied, but flagged
    [InlineData(OrderStatus.Expired)]
    public void Fill_OnAnOrderThatShouldNotFill_IsOrderNotFillable(OrderStatus status) =>
        Assert.Equal(FillIssues.OrderNotFillable, Validator.Validate(Fill(quantity: 1m), NewOrder(status: status), Now));

    [Fact]
    public void Fill_OnAFilledOrder_IsNotFillableAndOverfill() =>
        Assert.Equal(FillIssues.OrderNotFillable | FillIssues.Overfill,
            Validator.Validate(Fill(quantity: 1m), NewOrder(status: OrderStatus.Filled, filled: 10m), Now));

    [Theory]
    [InlineData(OrderSide.Buy, "102", false)]     // paid 2% more: at the limit
    [InlineData(OrderSide.Buy, "102.01", true)]   // paid more than 2% over
    [InlineData(OrderSide.Buy, "90", false)]      // paid less: favourable
    [InlineData(OrderSide.Sell, "98", false)]     // sold 2% lower: at the limit
    [InlineData(OrderSide.Sell, "97.99", true)]   // sold more than 2% lower
    [InlineData(OrderSide.Sell, "110", false)]    // sold higher: favourable
    public void Slippage_IsAdverseOnlyAgainstTheOrderSide(OrderSide side, string price, bool flagged)
    {
        var issues = Validator.Validate(Fill(side: side, price: decimal.Parse(price)), NewOrder(side: side), Now);
        Assert.Equal(flagged ? FillIssues.Slippage : FillIssues.None, issues);
    }

    [Fact]
    public void SlippagePercent_IsSignedByTheOrderSide()
    {
        Assert.Equal(5m, FillValidator.SlippagePercent(NewOrder(side: OrderSide.Buy), 105m));
        Assert.Equal(-5m, FillValidator.SlippagePercent(NewOrder(side: OrderSide.Buy), 95m));
        Assert.Equal(-5m, FillValidator.SlippagePercent(NewOrder(side: OrderSide.Sell), 105m));
        Assert.Equal(5m, FillValidator.SlippagePercent(NewOrder(side: OrderSide.Sell), 95m));
    }

    [Fact]
    public void Slippage_WithoutAnExpectedPrice_IsNotMeasured()
    {
        Assert.Equal(0m, FillValidator.SlippagePercent(NewOrder(expected: 0m), 500m));
        Assert.Equal(FillIssues.None, Validator.Validate(Fill(price: 500m), NewOrder(expected: 0m), Now));
    }

    [Fact]
    public void Issues_Combine()
    {
        var fill = Fill(quantity: 15m, price: 120m, side: OrderSide.Sell, symbol: "MSFT", age: TimeSpan.FromHours(1));
        var order = NewOrder(side: OrderSide.Buy, status: OrderStatus.Canceled);

        Assert.Equal(FillIssues.Overfill | FillIssues.Slippage | FillIssues.Stale | FillIssues.SymbolMismatch
                     | FillIssues.SideMismatch | FillIssues.OrderNotFillable,
            Validator.Validate(fill, order, Now));
    }

    [Fact]
    public void Issues_ForAnUnknownOrder_CombineWithTheFillsOwnProblems() =>
        Assert.Equal(FillIssues.UnknownOrder | FillIssues.NonPositiveQuantity | FillIssues.NonPositivePrice | FillIssues.Stale,
            Validator.Validate(Fill(quantity: 0m, price: 0m, age: TimeSpan.FromDays(1)), null, Now));

    [Theory]
    [InlineData("0", false)]    // nothing filled: not a partial
    [InlineData("1", true)]
    [InlineData("4.99", true)]
    [InlineData("5", false)]    // exactly the minimum ratio
    [InlineData("9", false)]
    [InlineData("10", false)]   // complete
    public void SmallPartial_IsSomeButLessThanTheMinimumRatio(string filled, bool small) =>
        Assert.Equal(small, Validator.IsSmallPartial(NewOrder(filled: decimal.Parse(filled), status: OrderStatus.Canceled)));
}

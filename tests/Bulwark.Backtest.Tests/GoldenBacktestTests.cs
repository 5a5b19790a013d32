using System.Globalization;
using Bulwark.Backtest.Reports;
using Bulwark.Core.Model;
using Bulwark.Core.Strategies;
using Xunit.Abstractions;

namespace Bulwark.Backtest.Tests;

/// <summary>
/// Golden end-to-end backtests: each built-in strategy, built from its catalog name and parameters as the CLI and the
/// YAML config build it, run through the real kernel and paper venue, with its statistics pinned. The figures were
/// computed once by this code and checked for plausibility (orders alternate, values add up); a change that moves any
/// of them must be deliberate, and the new figure explained in its commit.
/// </summary>
public sealed class GoldenBacktestTests(ITestOutputHelper output)
{
    private static readonly Instrument Sample = SampleBars.Instrument;

    [Theory]
    [InlineData("sma-cross", "period=15", 0,
        "value 10284.10 cash 6164.16 buys 12 sells 11 trades 11 open 1 win 0.4545 maxdd 0.0262 sharpe 0.825 exposure 0.6588 maxpos 1")]
    [InlineData("sma-cross", "period=30", 5,
        "value 10158.85 cash 6038.91 buys 8 sells 7 trades 7 open 1 win 0.4286 maxdd 0.0369 sharpe 0.470 exposure 0.5765 maxpos 1")]
    [InlineData("ema-cloud", "", 0,
        "value 10041.13 cash 5921.19 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0225 sharpe 0.183 exposure 0.3020 maxpos 1")]
    [InlineData("ema-cloud", "allowShort=true", 0,
        "value 9841.23 cash 5721.29 buys 6 sells 5 trades 5 open 1 win 0.2000 maxdd 0.0424 sharpe -0.550 exposure 0.3294 maxpos 1")]
    [InlineData("ema-cloud", "allowShort=true;trendPeriod=100", 0,
        "value 10034.57 cash 5914.63 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0229 sharpe 0.149 exposure 0.2824 maxpos 1")]
    [InlineData("ema-cloud", "fastShort=3;fastLong=8;trendShort=20;trendLong=30;allowShort=true", 0,
        "value 9972.61 cash 5852.67 buys 9 sells 8 trades 8 open 1 win 0.3750 maxdd 0.0291 sharpe -0.079 exposure 0.3569 maxpos 1")]
    [InlineData("ema-cloud", "fastShort=3;fastLong=8;trendShort=20;trendLong=30;allowShort=true;trendPeriod=100;trendAverage=ema", 0,
        "value 10059.73 cash 5939.79 buys 6 sells 5 trades 5 open 1 win 0.4000 maxdd 0.0289 sharpe 0.230 exposure 0.2706 maxpos 1")]
    [InlineData("ema-cloud", "fastShort=3;fastLong=8;trendShort=20;trendLong=30", 1,
        "value 10052.45 cash 5932.51 buys 6 sells 5 trades 5 open 1 win 0.4000 maxdd 0.0191 sharpe 0.289 exposure 0.2902 maxpos 1")]
    [InlineData("sma-cross", "period=15;stopLossPercent=1.5", 0,
        "value 10230.71 cash 6110.77 buys 12 sells 11 trades 11 open 1 win 0.3636 maxdd 0.0283 sharpe 0.743 exposure 0.6078 maxpos 1")]
    [InlineData("sma-cross", "period=15;trailingStopPercent=2", 0,
        "value 10094.85 cash 5974.91 buys 12 sells 11 trades 11 open 1 win 0.3636 maxdd 0.0262 sharpe 0.346 exposure 0.4706 maxpos 1")]
    [InlineData("sma-cross", "period=15;trailingStopPercent=2;trailFrom=extreme", 0,
        "value 9998.25 cash 5878.31 buys 12 sells 11 trades 11 open 1 win 0.1818 maxdd 0.0305 sharpe 0.005 exposure 0.4118 maxpos 1")]
    [InlineData("sma-cross", "period=15;stopLossPercent=2;breakEvenPercent=1", 0,
        "value 10043.61 cash 5923.67 buys 12 sells 11 trades 11 open 1 win 0.1818 maxdd 0.0273 sharpe 0.163 exposure 0.4745 maxpos 1")]
    [InlineData("sma-cross", "period=15;stopLossPercent=2;trailingStopPercent=1;trailActivationPercent=1.5", 0,
        "value 10109.87 cash 10109.87 buys 12 sells 12 trades 12 open 0 win 0.5833 maxdd 0.0237 sharpe 0.493 exposure 0.2941 maxpos 1")]
    [InlineData("sma-cross", "period=15;maxHoldDays=5", 0,
        "value 10205.81 cash 10205.81 buys 12 sells 12 trades 12 open 0 win 0.6667 maxdd 0.0075 sharpe 1.510 exposure 0.1725 maxpos 1")]
    [InlineData("ema-cloud", "allowShort=true;stopLossPercent=2;trailingStopPercent=3", 0,
        "value 9962.47 cash 5842.53 buys 6 sells 5 trades 5 open 1 win 0.2000 maxdd 0.0314 sharpe -0.136 exposure 0.3059 maxpos 1")]
    [InlineData("sma-cross", "period=15;stopLossPercent=1.5;takeProfitPercent=2", 0,
        "value 10144.74 cash 10144.74 buys 12 sells 12 trades 12 open 0 win 0.4167 maxdd 0.0225 sharpe 0.701 exposure 0.2784 maxpos 1")]
    [InlineData("ema-cloud", "allowShort=true;stopLossPercent=2;takeProfitPercent=3", 0,
        "value 9899.40 cash 5779.46 buys 6 sells 5 trades 5 open 1 win 0.2000 maxdd 0.0314 sharpe -0.481 exposure 0.1608 maxpos 1")]
    [InlineData("sma-cross", "period=15;stopLossAtr=1", 0,
        "value 10296.84 cash 6176.90 buys 12 sells 11 trades 11 open 1 win 0.4545 maxdd 0.0249 sharpe 0.865 exposure 0.6510 maxpos 1")]
    [InlineData("sma-cross", "period=15;trailingStopAtr=2", 0,
        "value 10185.67 cash 6065.73 buys 12 sells 11 trades 11 open 1 win 0.4545 maxdd 0.0262 sharpe 0.575 exposure 0.5725 maxpos 1")]
    [InlineData("sma-cross", "period=15;minAdx=20", 0,
        "value 9953.66 cash 9953.66 buys 4 sells 4 trades 4 open 0 win 0.5000 maxdd 0.0152 sharpe -0.243 exposure 0.1725 maxpos 1")]
    [InlineData("sma-cross", "period=15;adxSlope=rising", 0,
        "value 9942.15 cash 9942.15 buys 1 sells 1 trades 1 open 0 win 0.0000 maxdd 0.0058 sharpe -1.504 exposure 0.0078 maxpos 1")]
    [InlineData("donchian-breakout", "adxSlope=rising;adxSlopeBars=3", 0,
        "value 10088.51 cash 5968.57 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0137 sharpe 0.433 exposure 0.3059 maxpos 1")]
    [InlineData("donchian-breakout", "allowShort=true;diFilter=with", 0,
        "value 9806.95 cash 5687.01 buys 9 sells 8 trades 9 open 1 win 0.3333 maxdd 0.0456 sharpe -0.385 exposure 0.7255 maxpos 1")]
    [InlineData("donchian-breakout", "", 0,
        "value 9983.65 cash 5863.71 buys 7 sells 6 trades 6 open 1 win 0.5000 maxdd 0.0475 sharpe -0.028 exposure 0.5922 maxpos 1")]
    [InlineData("donchian-breakout", "allowShort=true", 0,
        "value 9878.13 cash 5758.19 buys 9 sells 8 trades 9 open 1 win 0.4444 maxdd 0.0453 sharpe -0.229 exposure 0.7725 maxpos 1")]
    [InlineData("donchian-breakout", "entryPeriod=55;exitPeriod=20;stopLossAtr=2", 1,
        "value 10146.18 cash 6026.24 buys 3 sells 2 trades 2 open 1 win 0.5000 maxdd 0.0215 sharpe 0.557 exposure 0.3961 maxpos 1")]
    [InlineData("donchian-breakout", "skipAfterWin=true", 0,
        "value 9835.16 cash 9835.16 buys 4 sells 4 trades 4 open 0 win 0.5000 maxdd 0.0418 sharpe -0.568 exposure 0.2980 maxpos 1")]
    [InlineData("donchian-breakout", "allowShort=true;skipAfterWin=true", 0,
        "value 10010.20 cash 5890.26 buys 5 sells 5 trades 5 open 1 win 0.6000 maxdd 0.0352 sharpe 0.045 exposure 0.4510 maxpos 1")]
    [InlineData("donchian-breakout", "allowShort=true;skipAfterWin=true;failsafePeriod=55", 0,
        "value 10215.05 cash 6095.11 buys 6 sells 6 trades 6 open 1 win 0.6667 maxdd 0.0352 sharpe 0.500 exposure 0.6353 maxpos 1")]
    [InlineData("donchian-breakout", "entryPeriod=10;exitPeriod=5;allowShort=true", 0,
        "value 9781.31 cash 9781.31 buys 15 sells 15 trades 16 open 0 win 0.3125 maxdd 0.0461 sharpe -0.430 exposure 0.7961 maxpos 1")]
    [InlineData("donchian-breakout", "entryPeriod=10;exitPeriod=5;allowShort=true;skipAfterWin=true;failsafePeriod=20", 0,
        "value 9872.85 cash 9872.85 buys 14 sells 13 trades 14 open 0 win 0.3571 maxdd 0.0463 sharpe -0.255 exposure 0.7333 maxpos 1")]
    [InlineData("donchian-breakout", "trendPeriod=50", 0,
        "value 9932.23 cash 5812.29 buys 6 sells 5 trades 5 open 1 win 0.4000 maxdd 0.0412 sharpe -0.191 exposure 0.5020 maxpos 1")]
    [InlineData("donchian-breakout", "allowShort=true;trendPeriod=50", 0,
        "value 9826.71 cash 5706.77 buys 8 sells 7 trades 8 open 1 win 0.3750 maxdd 0.0390 sharpe -0.353 exposure 0.6824 maxpos 1")]
    [InlineData("donchian-breakout", "allowShort=true;trendPeriod=100;trendAverage=ema", 0,
        "value 10013.76 cash 5893.82 buys 5 sells 4 trades 4 open 1 win 0.5000 maxdd 0.0357 sharpe 0.059 exposure 0.4275 maxpos 1")]
    [InlineData("donchian-breakout", "allowShort=true;trendPeriod=30;trendAverage=kama", 0,
        "value 9797.26 cash 5677.32 buys 9 sells 9 trades 9 open 1 win 0.3333 maxdd 0.0466 sharpe -0.406 exposure 0.7216 maxpos 1")]
    [InlineData("keltner-breakout", "allowShort=true;trendPeriod=50", 0,
        "value 10182.49 cash 6062.55 buys 6 sells 5 trades 5 open 1 win 0.6000 maxdd 0.0204 sharpe 0.511 exposure 0.4000 maxpos 1")]
    [InlineData("keltner-breakout", "allowShort=true;trendPeriod=100;trendAverage=ema", 0,
        "value 10091.27 cash 5971.33 buys 5 sells 4 trades 4 open 1 win 0.7500 maxdd 0.0202 sharpe 0.301 exposure 0.3529 maxpos 1")]
    [InlineData("keltner-breakout", "multiplier=1;allowShort=true;trendPeriod=50", 0,
        "value 10044.68 cash 5924.74 buys 13 sells 12 trades 12 open 1 win 0.2500 maxdd 0.0342 sharpe 0.123 exposure 0.6314 maxpos 1")]
    [InlineData("keltner-breakout", "multiplier=1;allowShort=true", 0,
        "value 10113.56 cash 5993.62 buys 14 sells 13 trades 13 open 1 win 0.3077 maxdd 0.0325 sharpe 0.268 exposure 0.7333 maxpos 1")]
    [InlineData("keltner-breakout", "", 0,
        "value 10066.17 cash 5946.23 buys 5 sells 4 trades 4 open 1 win 0.7500 maxdd 0.0169 sharpe 0.271 exposure 0.3569 maxpos 1")]
    [InlineData("keltner-breakout", "allowShort=true", 0,
        "value 10191.15 cash 6071.21 buys 7 sells 6 trades 6 open 1 win 0.6667 maxdd 0.0204 sharpe 0.503 exposure 0.4863 maxpos 1")]
    [InlineData("keltner-breakout", "multiplier=1.5;exitMultiplier=1.5", 0,
        "value 9837.41 cash 9837.41 buys 22 sells 22 trades 22 open 0 win 0.2727 maxdd 0.0253 sharpe -0.823 exposure 0.2588 maxpos 1")]
    [InlineData("keltner-breakout", "multiplier=1;minAdx=25", 0,
        "value 9833.42 cash 9833.42 buys 4 sells 4 trades 4 open 0 win 0.0000 maxdd 0.0255 sharpe -0.885 exposure 0.1765 maxpos 1")]
    [InlineData("keltner-breakout", "allowShort=true;exitMultiplier=-2", 0,
        "value 10055.82 cash 5935.88 buys 3 sells 2 trades 4 open 1 win 0.7500 maxdd 0.0427 sharpe 0.133 exposure 0.9098 maxpos 1")]
    [InlineData("keltner-breakout", "squeezeBars=20;allowShort=true", 0,
        "value 10120.36 cash 10120.36 buys 5 sells 5 trades 5 open 0 win 0.4000 maxdd 0.0218 sharpe 0.379 exposure 0.3176 maxpos 1")]
    [InlineData("keltner-breakout", "multiplier=1;squeezeBars=10;squeezeDeviations=1;allowShort=true", 0,
        "value 10204.86 cash 10204.86 buys 6 sells 6 trades 6 open 0 win 0.3333 maxdd 0.0162 sharpe 0.612 exposure 0.3333 maxpos 1")]
    [InlineData("macd-cross", "allowShort=true;diFilter=with", 0,
        "value 9988.37 cash 5868.43 buys 9 sells 8 trades 8 open 1 win 0.3750 maxdd 0.0270 sharpe -0.028 exposure 0.2902 maxpos 1")]
    [InlineData("macd-cross", "", 0,
        "value 10150.06 cash 6030.12 buys 10 sells 9 trades 9 open 1 win 0.3333 maxdd 0.0268 sharpe 0.504 exposure 0.4314 maxpos 1")]
    [InlineData("macd-cross", "allowShort=true", 1,
        "value 9924.13 cash 5804.19 buys 10 sells 10 trades 19 open 1 win 0.3158 maxdd 0.0397 sharpe -0.124 exposure 0.8275 maxpos 1")]
    [InlineData("macd-cross", "cross=zero", 0,
        "value 10040.43 cash 5920.49 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0343 sharpe 0.135 exposure 0.5059 maxpos 1")]
    [InlineData("macd-cross", "fast=5;slow=35;signal=5", 0,
        "value 10177.85 cash 6057.91 buys 16 sells 15 trades 15 open 1 win 0.4667 maxdd 0.0303 sharpe 0.581 exposure 0.4314 maxpos 1")]
    [InlineData("macd-cross", "zeroFilter=trend", 0,
        "value 10099.27 cash 5979.33 buys 7 sells 6 trades 6 open 1 win 0.3333 maxdd 0.0159 sharpe 0.587 exposure 0.2275 maxpos 1")]
    [InlineData("macd-cross", "zeroFilter=reversal", 0,
        "value 10050.79 cash 10050.79 buys 3 sells 3 trades 3 open 0 win 0.3333 maxdd 0.0166 sharpe 0.215 exposure 0.2039 maxpos 1")]
    [InlineData("macd-cross", "zeroFilter=trend;allowShort=true", 1,
        "value 10100.80 cash 5980.86 buys 8 sells 7 trades 7 open 1 win 0.4286 maxdd 0.0164 sharpe 0.423 exposure 0.2667 maxpos 1")]
    [InlineData("macd-cross", "trendPeriod=50", 0,
        "value 10277.74 cash 6157.80 buys 8 sells 7 trades 7 open 1 win 0.4286 maxdd 0.0141 sharpe 1.172 exposure 0.3490 maxpos 1")]
    [InlineData("macd-cross", "allowShort=true;trendPeriod=50", 0,
        "value 10109.82 cash 5989.88 buys 9 sells 9 trades 10 open 1 win 0.4000 maxdd 0.0308 sharpe 0.351 exposure 0.4235 maxpos 1")]
    [InlineData("macd-cross", "allowShort=true;trendPeriod=100;trendAverage=ema", 0,
        "value 10094.54 cash 5974.60 buys 6 sells 5 trades 5 open 1 win 0.6000 maxdd 0.0263 sharpe 0.376 exposure 0.2235 maxpos 1")]
    [InlineData("supertrend", "", 0,
        "value 10142.91 cash 6022.97 buys 5 sells 4 trades 4 open 1 win 0.5000 maxdd 0.0401 sharpe 0.392 exposure 0.6745 maxpos 1")]
    [InlineData("supertrend", "allowShort=true", 0,
        "value 9809.23 cash 5689.29 buys 5 sells 4 trades 8 open 1 win 0.3750 maxdd 0.0607 sharpe -0.336 exposure 0.9255 maxpos 1")]
    [InlineData("supertrend", "period=7;multiplier=2", 0,
        "value 10266.14 cash 6146.20 buys 7 sells 6 trades 6 open 1 win 0.5000 maxdd 0.0275 sharpe 0.701 exposure 0.6824 maxpos 1")]
    [InlineData("supertrend", "period=7;multiplier=2;allowShort=true", 0,
        "value 10055.69 cash 5935.75 buys 7 sells 6 trades 12 open 1 win 0.3333 maxdd 0.0355 sharpe 0.131 exposure 0.9255 maxpos 1")]
    [InlineData("supertrend", "allowShort=true;trendPeriod=50", 0,
        "value 10000.01 cash 5880.07 buys 4 sells 3 trades 5 open 1 win 0.4000 maxdd 0.0437 sharpe 0.024 exposure 0.7255 maxpos 1")]
    [InlineData("supertrend", "multiplier=2;minAdx=20", 0,
        "value 9770.28 cash 9770.28 buys 3 sells 3 trades 3 open 0 win 0.0000 maxdd 0.0290 sharpe -0.952 exposure 0.1725 maxpos 1")]
    [InlineData("parabolic-sar", "", 0,
        "value 10192.35 cash 6072.41 buys 12 sells 11 trades 11 open 1 win 0.4545 maxdd 0.0317 sharpe 0.540 exposure 0.6314 maxpos 1")]
    [InlineData("parabolic-sar", "allowShort=true", 0,
        "value 9893.49 cash 5773.55 buys 12 sells 12 trades 23 open 1 win 0.3043 maxdd 0.0456 sharpe -0.173 exposure 0.9608 maxpos 1")]
    [InlineData("parabolic-sar", "acceleration=0.01;maxAcceleration=0.1", 0,
        "value 10085.80 cash 5965.86 buys 8 sells 7 trades 7 open 1 win 0.4286 maxdd 0.0347 sharpe 0.250 exposure 0.6353 maxpos 1")]
    [InlineData("parabolic-sar", "acceleration=0.01;maxAcceleration=0.1;allowShort=true", 0,
        "value 9661.00 cash 5541.06 buys 8 sells 8 trades 15 open 1 win 0.2667 maxdd 0.0517 sharpe -0.600 exposure 0.9529 maxpos 1")]
    [InlineData("parabolic-sar", "allowShort=true;trendPeriod=50", 0,
        "value 10167.22 cash 6047.28 buys 11 sells 10 trades 11 open 1 win 0.3636 maxdd 0.0237 sharpe 0.407 exposure 0.6078 maxpos 1")]
    [InlineData("aroon", "", 0,
        "value 10132.27 cash 6012.33 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0344 sharpe 0.401 exposure 0.4863 maxpos 1")]
    [InlineData("aroon", "allowShort=true", 0,
        "value 9965.53 cash 5845.59 buys 4 sells 4 trades 7 open 1 win 0.2857 maxdd 0.0410 sharpe -0.046 exposure 0.7020 maxpos 1")]
    [InlineData("aroon", "period=14", 0,
        "value 10056.37 cash 5936.43 buys 7 sells 6 trades 6 open 1 win 0.5000 maxdd 0.0344 sharpe 0.169 exposure 0.6235 maxpos 1")]
    [InlineData("aroon", "threshold=50", 0,
        "value 10463.37 cash 6343.43 buys 1 sells 0 trades 0 open 1 win 0.0000 maxdd 0.0170 sharpe 1.389 exposure 0.4784 maxpos 1")]
    [InlineData("aroon", "period=14;threshold=50", 0,
        "value 10125.65 cash 6005.71 buys 5 sells 4 trades 4 open 1 win 0.5000 maxdd 0.0505 sharpe 0.318 exposure 0.6667 maxpos 1")]
    [InlineData("aroon", "period=14;threshold=50;allowShort=true", 0,
        "value 9808.41 cash 5688.47 buys 5 sells 4 trades 8 open 1 win 0.3750 maxdd 0.0675 sharpe -0.336 exposure 0.9059 maxpos 1")]
    [InlineData("aroon", "allowShort=true;trendPeriod=50", 0,
        "value 10051.59 cash 5931.65 buys 4 sells 3 trades 5 open 1 win 0.4000 maxdd 0.0408 sharpe 0.130 exposure 0.6902 maxpos 1")]
    [InlineData("ichimoku", "", 0,
        "value 10470.65 cash 6350.71 buys 1 sells 0 trades 0 open 1 win 0.0000 maxdd 0.0170 sharpe 1.617 exposure 0.4314 maxpos 1")]
    [InlineData("ichimoku", "allowShort=true", 0,
        "value 10428.77 cash 6308.83 buys 1 sells 1 trades 1 open 1 win 0.0000 maxdd 0.0258 sharpe 0.967 exposure 0.6275 maxpos 1")]
    [InlineData("ichimoku", "confirmLines=true;confirmLagging=true", 0,
        "value 10411.12 cash 6291.18 buys 1 sells 0 trades 0 open 1 win 0.0000 maxdd 0.0171 sharpe 1.426 exposure 0.4235 maxpos 1")]
    [InlineData("ichimoku", "conversionPeriod=3;basePeriod=6;spanBPeriod=12;displacement=6", 0,
        "value 10179.30 cash 6059.36 buys 9 sells 8 trades 8 open 1 win 0.5000 maxdd 0.0289 sharpe 0.484 exposure 0.6745 maxpos 1")]
    [InlineData("ichimoku", "conversionPeriod=3;basePeriod=6;spanBPeriod=12;displacement=6;allowShort=true", 0,
        "value 9882.01 cash 5762.07 buys 9 sells 8 trades 16 open 1 win 0.3125 maxdd 0.0400 sharpe -0.198 exposure 0.9255 maxpos 1")]
    [InlineData("ichimoku", "conversionPeriod=3;basePeriod=6;spanBPeriod=12;displacement=6;confirmLines=true;confirmLagging=true;allowShort=true", 0,
        "value 9869.05 cash 5749.11 buys 8 sells 7 trades 14 open 1 win 0.2857 maxdd 0.0388 sharpe -0.222 exposure 0.9255 maxpos 1")]
    [InlineData("ichimoku", "conversionPeriod=3;basePeriod=6;spanBPeriod=12;displacement=6;allowShort=true;trendPeriod=50", 0,
        "value 10038.79 cash 5918.85 buys 8 sells 7 trades 10 open 1 win 0.4000 maxdd 0.0298 sharpe 0.105 exposure 0.7059 maxpos 1")]
    [InlineData("kama", "", 0,
        "value 10159.14 cash 6039.20 buys 18 sells 17 trades 17 open 1 win 0.4118 maxdd 0.0401 sharpe 0.465 exposure 0.6510 maxpos 1")]
    [InlineData("kama", "allowShort=true", 0,
        "value 9841.69 cash 5721.75 buys 18 sells 17 trades 34 open 1 win 0.3235 maxdd 0.0596 sharpe -0.278 exposure 0.9255 maxpos 1")]
    [InlineData("kama", "filter=0.5", 0,
        "value 10091.23 cash 5971.29 buys 5 sells 4 trades 4 open 1 win 0.2500 maxdd 0.0338 sharpe 0.276 exposure 0.5490 maxpos 1")]
    [InlineData("kama", "period=20;filter=0.5", 0,
        "value 10066.54 cash 5946.60 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0293 sharpe 0.220 exposure 0.4745 maxpos 1")]
    [InlineData("kama", "filter=0.5;allowShort=true;trendPeriod=50", 0,
        "value 9982.51 cash 5862.57 buys 5 sells 4 trades 7 open 1 win 0.2857 maxdd 0.0373 sharpe -0.012 exposure 0.7451 maxpos 1")]
    [InlineData("parabolic-sar", "minAdx=25", 0,
        "value 9870.71 cash 9870.71 buys 5 sells 5 trades 5 open 0 win 0.4000 maxdd 0.0154 sharpe -0.652 exposure 0.1490 maxpos 1")]
    [InlineData("sma-cross", "period=15;trendPeriod=50", 0,
        "value 10218.08 cash 6098.14 buys 9 sells 8 trades 8 open 1 win 0.3750 maxdd 0.0173 sharpe 0.803 exposure 0.4902 maxpos 1")]
    [InlineData("sma-cross", "period=15;trendPeriod=100;trendAverage=ema", 0,
        "value 10186.63 cash 6066.69 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0066 sharpe 1.064 exposure 0.2431 maxpos 1")]
    [InlineData("hull", "", 0,
        "value 10110.91 cash 10110.91 buys 12 sells 12 trades 12 open 0 win 0.4167 maxdd 0.0378 sharpe 0.360 exposure 0.5137 maxpos 1")]
    [InlineData("hull", "allowShort=true", 0,
        "value 9865.83 cash 13985.77 buys 12 sells 13 trades 24 open 1 win 0.3333 maxdd 0.0470 sharpe -0.239 exposure 0.8275 maxpos 1")]
    [InlineData("hull", "period=30;filter=0.5", 0,
        "value 9993.57 cash 5873.63 buys 6 sells 5 trades 5 open 1 win 0.4000 maxdd 0.0208 sharpe -0.004 exposure 0.4431 maxpos 1")]
    [InlineData("hull", "period=55;filter=1;allowShort=true", 0,
        "value 10016.82 cash 5896.88 buys 4 sells 3 trades 6 open 1 win 0.5000 maxdd 0.0391 sharpe 0.059 exposure 0.6745 maxpos 1")]
    [InlineData("sma-cross", "period=15;trendPeriod=50;trendAverage=kama", 0,
        "value 10207.26 cash 6087.32 buys 8 sells 7 trades 7 open 1 win 0.2857 maxdd 0.0121 sharpe 0.782 exposure 0.4431 maxpos 1")]
    [InlineData("sma-cross", "period=15;trendPeriod=50;trendAverage=hma", 0,
        "value 10188.47 cash 6068.53 buys 7 sells 6 trades 6 open 1 win 0.5000 maxdd 0.0192 sharpe 0.639 exposure 0.4196 maxpos 1")]
    [InlineData("macd-cross", "allowShort=true;trendPeriod=50;trendAverage=wma", 0,
        "value 10283.21 cash 6163.27 buys 10 sells 9 trades 11 open 1 win 0.4545 maxdd 0.0244 sharpe 0.717 exposure 0.4824 maxpos 1")]
    [InlineData("ma-cross", "", 0,
        "value 10119.95 cash 6000.01 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0350 sharpe 0.354 exposure 0.4902 maxpos 1")]
    [InlineData("ma-cross", "allowShort=true", 0,
        "value 9940.89 cash 5820.95 buys 4 sells 4 trades 7 open 1 win 0.2857 maxdd 0.0422 sharpe -0.097 exposure 0.7020 maxpos 1")]
    [InlineData("ma-cross", "fast=5;slow=20;average=dema", 0,
        "value 10007.81 cash 5887.87 buys 17 sells 16 trades 16 open 1 win 0.4375 maxdd 0.0319 sharpe 0.040 exposure 0.4314 maxpos 1")]
    [InlineData("ma-cross", "fast=15;slow=40;average=ema;allowShort=true", 0,
        "value 10510.84 cash 6390.90 buys 1 sells 1 trades 1 open 1 win 1.0000 maxdd 0.0285 sharpe 1.104 exposure 0.6314 maxpos 1")]
    [InlineData("trix", "", 0,
        "value 10136.50 cash 6016.56 buys 5 sells 4 trades 4 open 1 win 0.5000 maxdd 0.0222 sharpe 0.444 exposure 0.3412 maxpos 1")]
    [InlineData("trix", "allowShort=true", 0,
        "value 10025.34 cash 5905.40 buys 5 sells 4 trades 8 open 1 win 0.3750 maxdd 0.0294 sharpe 0.075 exposure 0.7647 maxpos 1")]
    [InlineData("trix", "period=9;cross=zero", 0,
        "value 10146.10 cash 6026.16 buys 4 sells 3 trades 3 open 1 win 0.3333 maxdd 0.0351 sharpe 0.439 exposure 0.4863 maxpos 1")]
    [InlineData("trix", "period=12;signal=6;allowShort=true;trendPeriod=50", 0,
        "value 10017.15 cash 5897.21 buys 8 sells 7 trades 8 open 1 win 0.6250 maxdd 0.0378 sharpe 0.063 exposure 0.4392 maxpos 1")]
    [InlineData("sma-cross", "period=15;trendPeriod=50;trendAverage=dema", 0,
        "value 10246.39 cash 10246.39 buys 4 sells 4 trades 4 open 0 win 0.5000 maxdd 0.0114 sharpe 1.098 exposure 0.3216 maxpos 1")]
    [InlineData("macd-cross", "allowShort=true;trendPeriod=50;trendAverage=tema", 0,
        "value 10109.06 cash 5989.12 buys 4 sells 4 trades 7 open 1 win 0.4286 maxdd 0.0183 sharpe 0.466 exposure 0.3176 maxpos 1")]
    [InlineData("macd-cross", "minAdx=20", 0,
        "value 9882.09 cash 9882.09 buys 4 sells 4 trades 4 open 0 win 0.2500 maxdd 0.0176 sharpe -0.582 exposure 0.1451 maxpos 1")]
    [InlineData("macd-cross", "trailingStopPercent=2", 0,
        "value 10100.37 cash 5980.43 buys 10 sells 9 trades 9 open 1 win 0.3333 maxdd 0.0219 sharpe 0.424 exposure 0.3176 maxpos 1")]
    [InlineData("rsi-reversion", "rsiPeriod=2;oversold=10;exitLevel=70;adxSlope=falling", 0,
        "value 10077.09 cash 10077.09 buys 3 sells 3 trades 3 open 0 win 0.6667 maxdd 0.0112 sharpe 0.564 exposure 0.0471 maxpos 1")]
    [InlineData("rsi-reversion", "rsiPeriod=2;oversold=10;exitLevel=70;diFilter=against", 0,
        "value 10080.82 cash 10080.82 buys 6 sells 6 trades 6 open 0 win 0.5000 maxdd 0.0208 sharpe 0.272 exposure 0.1255 maxpos 1")]
    [InlineData("rsi-reversion", "", 0,
        "value 9984.60 cash 9984.60 buys 1 sells 1 trades 1 open 0 win 0.0000 maxdd 0.0289 sharpe -0.040 exposure 0.1216 maxpos 1")]
    [InlineData("rsi-reversion", "exitLevel=70", 0,
        "value 10348.74 cash 10348.74 buys 1 sells 1 trades 1 open 0 win 1.0000 maxdd 0.0289 sharpe 0.875 exposure 0.4078 maxpos 1")]
    [InlineData("rsi-reversion", "rsiPeriod=2;oversold=10;exitLevel=70", 0,
        "value 10087.55 cash 10087.55 buys 7 sells 7 trades 7 open 0 win 0.5714 maxdd 0.0207 sharpe 0.288 exposure 0.1451 maxpos 1")]
    [InlineData("rsi-reversion", "rsiPeriod=2;oversold=10;overbought=90;allowShort=true", 1,
        "value 10002.33 cash 10002.33 buys 23 sells 23 trades 23 open 0 win 0.5217 maxdd 0.0214 sharpe 0.023 exposure 0.3412 maxpos 1")]
    [InlineData("rsi-reversion", "rsiPeriod=2;oversold=10;exitLevel=70;trendPeriod=100", 0,
        "value 10016.57 cash 10016.57 buys 2 sells 2 trades 2 open 0 win 0.5000 maxdd 0.0112 sharpe 0.135 exposure 0.0392 maxpos 1")]
    [InlineData("rsi-reversion", "rsiPeriod=2;oversold=10;exitLevel=70;maxAdx=20", 0,
        "value 10146.12 cash 10146.12 buys 4 sells 4 trades 4 open 0 win 0.7500 maxdd 0.0208 sharpe 0.624 exposure 0.0706 maxpos 1")]
    [InlineData("rsi-reversion", "stopLossPercent=1", 0,
        "value 9928.52 cash 9928.52 buys 2 sells 2 trades 2 open 0 win 0.0000 maxdd 0.0191 sharpe -0.343 exposure 0.0549 maxpos 1")]
    [InlineData("bollinger-reversion", "", 0,
        "value 10001.05 cash 10001.05 buys 3 sells 3 trades 3 open 0 win 0.6667 maxdd 0.0336 sharpe 0.019 exposure 0.1608 maxpos 1")]
    [InlineData("bollinger-reversion", "exitDeviations=1", 0,
        "value 10107.93 cash 10107.93 buys 3 sells 3 trades 3 open 0 win 0.6667 maxdd 0.0339 sharpe 0.342 exposure 0.1882 maxpos 1")]
    [InlineData("bollinger-reversion", "allowShort=true", 1,
        "value 10087.79 cash 10087.79 buys 8 sells 8 trades 8 open 0 win 0.6250 maxdd 0.0334 sharpe 0.250 exposure 0.4431 maxpos 1")]
    [InlineData("bollinger-reversion", "period=10;deviations=1.5", 0,
        "value 10232.27 cash 10232.27 buys 11 sells 11 trades 11 open 0 win 0.7273 maxdd 0.0202 sharpe 0.682 exposure 0.2314 maxpos 1")]
    [InlineData("bollinger-reversion", "period=10;deviations=1.5;trendPeriod=50", 0,
        "value 10122.74 cash 10122.74 buys 4 sells 4 trades 4 open 0 win 0.7500 maxdd 0.0111 sharpe 0.813 exposure 0.0667 maxpos 1")]
    [InlineData("bollinger-reversion", "period=10;deviations=1.5;trendPeriod=50;trendAverage=ema", 0,
        "value 10211.91 cash 10211.91 buys 6 sells 6 trades 6 open 0 win 0.8333 maxdd 0.0110 sharpe 1.294 exposure 0.0902 maxpos 1")]
    [InlineData("bollinger-reversion", "period=10;deviations=1.5;maxBandwidth=3", 0,
        "value 10294.06 cash 10294.06 buys 10 sells 10 trades 10 open 0 win 0.8000 maxdd 0.0202 sharpe 0.980 exposure 0.1961 maxpos 1")]
    [InlineData("bollinger-reversion", "period=10;deviations=1.5;minBandwidth=2", 0,
        "value 10175.53 cash 10175.53 buys 8 sells 8 trades 8 open 0 win 0.7500 maxdd 0.0203 sharpe 0.548 exposure 0.1961 maxpos 1")]
    [InlineData("bollinger-reversion", "period=10;deviations=1.5;maxAdx=20", 0,
        "value 10176.66 cash 10176.66 buys 6 sells 6 trades 6 open 0 win 0.8333 maxdd 0.0204 sharpe 0.718 exposure 0.1098 maxpos 1")]
    [InlineData("bollinger-reversion", "stopLossPercent=1", 0,
        "value 10229.09 cash 10229.09 buys 6 sells 6 trades 6 open 0 win 0.5000 maxdd 0.0224 sharpe 0.921 exposure 0.1333 maxpos 1")]
    [InlineData("stochastic-reversion", "", 0,
        "value 10112.68 cash 10112.68 buys 5 sells 5 trades 5 open 0 win 0.8000 maxdd 0.0319 sharpe 0.347 exposure 0.1804 maxpos 1")]
    [InlineData("stochastic-reversion", "allowShort=true", 1,
        "value 10155.82 cash 14275.76 buys 12 sells 13 trades 12 open 1 win 0.6667 maxdd 0.0316 sharpe 0.342 exposure 0.7765 maxpos 1")]
    [InlineData("stochastic-reversion", "line=d", 0,
        "value 10210.08 cash 10210.08 buys 4 sells 4 trades 4 open 0 win 0.7500 maxdd 0.0283 sharpe 0.714 exposure 0.1569 maxpos 1")]
    [InlineData("stochastic-reversion", "exitLevel=80", 0,
        "value 10385.38 cash 10385.38 buys 5 sells 5 trades 5 open 0 win 0.8000 maxdd 0.0324 sharpe 1.030 exposure 0.2549 maxpos 1")]
    [InlineData("stochastic-reversion", "period=5;smoothing=1", 0,
        "value 10202.37 cash 10202.37 buys 18 sells 18 trades 18 open 0 win 0.6667 maxdd 0.0347 sharpe 0.557 exposure 0.2549 maxpos 1")]
    [InlineData("stochastic-reversion", "period=5;smoothing=1;trendPeriod=50", 0,
        "value 10209.32 cash 10209.32 buys 11 sells 11 trades 11 open 0 win 0.8182 maxdd 0.0288 sharpe 0.795 exposure 0.1176 maxpos 1")]
    [InlineData("stochastic-reversion", "period=5;smoothing=1;trendPeriod=50;trendAverage=ema", 0,
        "value 10264.49 cash 10264.49 buys 12 sells 12 trades 12 open 0 win 0.8333 maxdd 0.0286 sharpe 0.994 exposure 0.1255 maxpos 1")]
    [InlineData("stochastic-reversion", "entry=cross", 0,
        "value 9937.34 cash 9937.34 buys 1 sells 1 trades 1 open 0 win 0.0000 maxdd 0.0289 sharpe -0.219 exposure 0.0980 maxpos 1")]
    [InlineData("stochastic-reversion", "entry=cross;line=d;oversold=30;overbought=70;allowShort=true", 0,
        "value 10070.78 cash 14190.72 buys 12 sells 13 trades 12 open 1 win 0.6667 maxdd 0.0470 sharpe 0.174 exposure 0.7490 maxpos 1")]
    [InlineData("stochastic-reversion", "maxAdx=20", 0,
        "value 9981.78 cash 9981.78 buys 3 sells 3 trades 3 open 0 win 0.6667 maxdd 0.0319 sharpe -0.043 exposure 0.1333 maxpos 1")]
    [InlineData("stochastic-reversion", "stopLossPercent=1", 0,
        "value 10183.80 cash 10183.80 buys 7 sells 7 trades 7 open 0 win 0.5714 maxdd 0.0090 sharpe 1.014 exposure 0.0745 maxpos 1")]
    [InlineData("hmm-regime", "stopLossPercent=1", 0,
        "value 9957.95 cash 5838.01 buys 24 sells 23 trades 23 open 1 win 0.4348 maxdd 0.0299 sharpe -0.133 exposure 0.4824 maxpos 1 mode fitted")]
    [InlineData("hmm-regime", "", 0,
        "value 10140.78 cash 6020.84 buys 24 sells 23 trades 23 open 1 win 0.5217 maxdd 0.0361 sharpe 0.434 exposure 0.6275 maxpos 1 mode fitted")]
    public async Task Strategy_OnThe2006Sample_MatchesItsGoldenStatistics(string name, string parameters,
        int commissionPerFill, string golden)
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;

        var summary = await RunAsync(name, parameters, bars, commissionPerFill);

        output.WriteLine(summary);
        Assert.Equal(golden, summary);
    }

    /// <summary>
    /// The sample is too short for the regime model to fit more than once; six years of a seeded two-regime walk
    /// (calm uptrend, volatile downtrend) exercise the fitted path: validation passes and the regime sets the position.
    /// </summary>
    [Fact]
    public async Task HmmRegime_OnASeededTwoRegimeWalk_MatchesItsGoldenStatistics()
    {
        var bars = TwoRegimeWalk(Sample.Symbol, days: 1512, seed: 7);

        var summary = await RunAsync("hmm-regime", "quantity=50", bars, 0m);

        output.WriteLine(summary);
        Assert.Equal("value 10739.26 cash 6699.76 buys 35 sells 34 trades 34 open 1 win 0.3235 maxdd 0.1445 sharpe 0.250 exposure 0.5053 maxpos 50 mode fitted", summary);
    }

    [Fact]
    public async Task HmmRegime_WithoutAQuantity_SizesTheModelsOrdersAsTheFallbacks_ByTheBotsSizer()
    {
        var bars = TwoRegimeWalk(Sample.Symbol, days: 600, seed: 7);
        var built = StrategyCatalog.Build("hmm-regime", "hmm", [Sample.Symbol], new Dictionary<string, string>());

        var result = await BacktestEngine.RunAsync(bars, [built.Strategy!], SampleBars.Options() with { Cash = 100_000m, Size = 3m },
            CancellationToken.None);

        var filled = result.Orders.Where(o => o.FilledAt is not null).ToList();
        Assert.Contains(filled, o => o.Source == "hmm");
        Assert.Contains(filled, o => o.Source == "hmm:fallback");
        Assert.All(filled, o => Assert.Equal(3m, o.Quantity)); // every entry is the sizer's 3, every exit closes 3
    }

    [Fact]
    public async Task SmaCross_ScalingOutHalfAtItsTarget_OfTenShares()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;

        var summary = await RunAsync("sma-cross", "period=15;stopLossPercent=3;takeProfitPercent=2;scaleOutPercent=50", bars, 0m,
            size: 10m, cash: 100_000m);

        output.WriteLine(summary);
        // 12 entries of 10; 6 took half at the target (the last one still holds its other 5), 11 sold the rest on a cross or the stop.
        Assert.Equal("value 102749.05 cash 82149.35 buys 12 sells 17 trades 11 open 1 win 0.4545 maxdd 0.0227 sharpe 1.057 exposure 0.6588 maxpos 10 scaled 6", summary);
    }

    [Fact]
    public async Task SmaCross_WithATakeProfitTwoRangesAboveTheEntry_OfTenShares()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;

        var summary = await RunAsync("sma-cross", "period=15;stopLossPercent=3;takeProfitAtr=2", bars, 0m, size: 10m, cash: 100_000m);

        output.WriteLine(summary);
        // 4 of the 12 entries reached two ATR(14) above their fill, among them the last, so nothing is open at the end.
        Assert.Equal("value 101768.40 cash 101768.40 buys 12 sells 12 trades 12 open 0 win 0.5000 maxdd 0.0256 sharpe 0.637 exposure 0.3882 maxpos 10", summary);
    }

    [Fact]
    public async Task SmaCross_ScalingOutALadderOfThreeThirds_OfTenShares()
    {
        var bars = SampleBars.Read(output);
        if (bars is null) return;

        var summary = await RunAsync("sma-cross", "period=15;stopLossPercent=3;takeProfitPercent=2;scaleOutPercent=30;scaleOutSteps=3", bars, 0m,
            size: 10m, cash: 100_000m);

        output.WriteLine(summary);
        // 3 of the 10 at 2%, 3 more at 4%, 3 more at 6%: 6 trades took a step, 9 steps in all (none reached the third).
        Assert.Equal("value 102958.72 cash 74119.14 buys 12 sells 20 trades 11 open 1 win 0.4545 maxdd 0.0238 sharpe 1.065 exposure 0.6588 maxpos 10 scaled 6 steps 9", summary);
    }

    private static async Task<string> RunAsync(string name, string parameters, IReadOnlyList<Bar> bars, decimal commissionPerFill,
        decimal size = 1m, decimal cash = 10_000m)
    {
        var built = StrategyCatalog.Build(name, name, [Sample.Symbol], Parameters(parameters));
        Assert.True(built.Ok, string.Join("; ", built.Problems));
        var result = await BacktestEngine.RunAsync(bars, [built.Strategy],
            SampleBars.Options() with { Cash = cash, Size = size, CommissionPerFill = commissionPerFill }, CancellationToken.None);
        var m = MetricsCalculator.Compute(result, bars);

        // Plausibility: the final value is the cash plus the position the fills add up to, at the last close; the
        // largest position held is pinned with the rest.
        var position = 0m;
        var largest = 0m;
        foreach (var o in result.Orders.Where(o => o.FilledAt is not null))
        {
            position += o.Side == Core.Orders.OrderSide.Buy ? o.Quantity : -o.Quantity;
            largest = Math.Max(largest, Math.Abs(position));
        }
        Assert.Equal(result.FinalValue, result.Cash + (position * bars[^1].Close));
        var mode = built.Strategy is HmmRegimeStrategy hmm ? (hmm.IsInFallback(Sample.Symbol) ? " mode fallback" : " mode fitted") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"value {result.FinalValue:0.00} cash {result.Cash:0.00} buys {result.Buys} sells {result.Sells} trades {m.Trades} open {m.OpenTrades} win {m.WinRate:0.0000} maxdd {m.MaxDrawdown:0.0000} sharpe {m.Sharpe:0.000} exposure {m.Exposure:0.0000} maxpos {largest}{mode}{(m.ScaledOut > 0 ? $" scaled {m.ScaledOut}" : "")}{(m.ScaleOuts > m.ScaledOut ? $" steps {m.ScaleOuts}" : "")}");
    }

    private static Dictionary<string, string> Parameters(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Daily bars of a walk that switches between a calm uptrend and a volatile downtrend every half year, from a
    /// seeded <see cref="Random"/> (whose sequence for a given seed is fixed across .NET versions), rounded to cents.
    /// </summary>
    private static List<Bar> TwoRegimeWalk(string symbol, int days, int seed)
    {
        var random = new Random(seed);
        var bars = new List<Bar>(days);
        var close = 100.0;
        var time = new DateTimeOffset(2015, 1, 2, 0, 0, 0, TimeSpan.Zero);
        for (var d = 0; d < days; d++)
        {
            var calm = (d / 126) % 2 == 0;
            var (drift, sigma) = calm ? (0.0008, 0.006) : (-0.0010, 0.025);
            var open = close;
            close = open * Math.Exp(drift + (sigma * Normal(random)));
            var high = Math.Max(open, close) * (1 + (Math.Abs(Normal(random)) * sigma / 2));
            var low = Math.Min(open, close) * (1 - (Math.Abs(Normal(random)) * sigma / 2));
            bars.Add(new Bar(symbol, time, Cents(open), Cents(high), Cents(low), Cents(close), 1_000_000m, TimeSpan.FromDays(1)));
            time = time.AddDays(1);
        }
        return bars;
    }

    private static decimal Cents(double value) => Math.Round((decimal)value, 2);

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}

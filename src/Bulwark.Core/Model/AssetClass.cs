namespace Bulwark.Core.Model;

public enum AssetClass
{
    Equity,
    Crypto,
    Option,
    Bond,
}

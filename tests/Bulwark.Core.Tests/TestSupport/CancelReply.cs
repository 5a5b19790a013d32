namespace Bulwark.Core.Tests.TestSupport;

/// <summary>What the fake venue does with a cancel request for an order it holds open.</summary>
public enum CancelReply
{
    /// <summary>Cancels the order and says so.</summary>
    Cancel,
    /// <summary>Takes the request and never carries it out: the engine's order stays pending cancel.</summary>
    Hold,
    /// <summary>Refuses the cancel: the order keeps working.</summary>
    Refuse,
    /// <summary>Never answers (until the call is canceled): the process dies with the cancel's outcome unknown.</summary>
    Hang,
}

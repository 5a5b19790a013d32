namespace Bulwark.Core.Strategies;

/// <summary>
/// The latest input validation of <see cref="HmmRegimeStrategy"/> for <see cref="Symbol"/>: how many returns its
/// window held, whether the model could be (re)fitted, and otherwise every reason why not.
/// </summary>
public sealed record HmmRegimeValidation(string Symbol, int Observations, bool Ok, IReadOnlyList<string> Reasons);

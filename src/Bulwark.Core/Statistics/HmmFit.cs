namespace Bulwark.Core.Statistics;

/// <summary>
/// A fitted <see cref="GaussianHmm"/> (states sorted by mean), the log-likelihood of the data under it, the number of
/// E-steps its run took, whether the run converged before the iteration limit, and the log-likelihood after every
/// E-step of that run (non-decreasing, as EM guarantees).
/// </summary>
internal sealed record HmmFit(GaussianHmm Model, double LogLikelihood, int Iterations, bool Converged, IReadOnlyList<double> LogLikelihoods);

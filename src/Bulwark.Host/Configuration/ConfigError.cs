namespace Bulwark.Host.Configuration;

/// <summary>
/// One problem with the configuration. <paramref name="KeyPath"/> reads like <c>bots[0].sizing.quantity</c>
/// (empty for problems with the file as a whole); <paramref name="File"/> and <paramref name="Line"/> are
/// null when the value came from the built-in defaults or an environment variable (the message then
/// names the variable).
/// </summary>
public sealed record ConfigError(string KeyPath, string Message, string? File, int? Line);

using System.Collections.Generic;
using OpenRan.Radio;

namespace OpenRan.Cli.Commands;

/// <summary>One row of <c>openran radio list</c>.</summary>
internal sealed record DriverListing(string Name, string Description, bool Available, string? Reason, string? Error, IReadOnlyList<RadioDeviceInfo> Devices, IReadOnlyList<string> Arguments);

using System.Collections.Generic;

namespace OpenRan.Cli.Commands;

/// <summary>What <c>openran info</c> reports.</summary>
/// <param name="Version">The informational version of the build.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="Cpu">The CPU features in use, as one line.</param>
/// <param name="CpuFeatures">The CPU features in use, one name each.</param>
/// <param name="Implementations">Each factory family's and kernel's choice on this machine.</param>
internal sealed record InfoReport(string Version, string Runtime, string Cpu, IReadOnlyList<string> CpuFeatures, IReadOnlyList<ImplementationChoice> Implementations);

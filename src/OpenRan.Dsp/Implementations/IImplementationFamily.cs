using System.Collections.Generic;

namespace OpenRan.Dsp.Implementations;

/// <summary>
/// The contract every implementation family shares (LDPC decoder, soft demapper, FFT, polar list decoder, equalizer):
/// the same names (<c>auto | avx512 | avx2 | generic</c> as registered), parsed the same way, the same error for a bad
/// name, and the same description of what runs here. <c>openran info</c> lists every family through this interface.
/// </summary>
public interface IImplementationFamily
{
    /// <summary>What the family implements, for example <c>LDPC decoder</c>.</summary>
    string Component { get; }

    /// <summary>Every registered implementation, fastest first, whether or not it runs here.</summary>
    IReadOnlyList<string> Implementations { get; }

    /// <summary>Every name <see cref="Resolve"/> accepts: <c>auto</c>, then <see cref="Implementations"/>.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The implementations that run on this machine, fastest first (the scalar reference always does).</summary>
    IReadOnlyList<string> Available { get; }

    /// <summary>The implementation <c>auto</c> picks here (for arguments every implementation handles).</summary>
    string AutoChoice { get; }

    /// <summary>
    /// The implementation <paramref name="name"/> stands for here: trimmed and case-insensitive, <c>auto</c> resolved.
    /// </summary>
    /// <exception cref="System.ArgumentException">An unknown name, or one this machine cannot run; the message lists the valid and the available names.</exception>
    string Resolve(string name);
}

using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Arm = System.Runtime.Intrinsics.Arm;
using X86 = System.Runtime.Intrinsics.X86;

namespace OpenRan.Dsp;

/// <summary>
/// The instruction-set extensions this process may use, as the JIT sees them (after <c>DOTNET_EnableAVX2=0</c> and similar
/// knobs), printed at start-up and used by implementation factories (srsRAN <c>get_cpu_feature_info</c>).
/// </summary>
/// <param name="Architecture">The process architecture.</param>
/// <param name="Sse42">x86 SSE4.2.</param>
/// <param name="Avx2">x86 AVX2.</param>
/// <param name="Fma">x86 FMA3.</param>
/// <param name="Avx512F">x86 AVX-512 Foundation.</param>
/// <param name="Avx512BW">x86 AVX-512 Byte/Word.</param>
/// <param name="Neon">Arm Advanced SIMD (NEON).</param>
/// <param name="Vector128Accelerated">Whether <see cref="Vector128"/> operations are hardware accelerated.</param>
/// <param name="Vector256Accelerated">Whether <see cref="Vector256"/> operations are hardware accelerated.</param>
/// <param name="Vector512Accelerated">Whether <see cref="Vector512"/> operations are hardware accelerated.</param>
public sealed record CpuFeatures(
    Architecture Architecture,
    bool Sse42,
    bool Avx2,
    bool Fma,
    bool Avx512F,
    bool Avx512BW,
    bool Neon,
    bool Vector128Accelerated,
    bool Vector256Accelerated,
    bool Vector512Accelerated)
{
    /// <summary>The features of the current process.</summary>
    public static CpuFeatures Current { get; } = new(
        RuntimeInformation.ProcessArchitecture,
        X86.Sse42.IsSupported,
        X86.Avx2.IsSupported,
        X86.Fma.IsSupported,
        X86.Avx512F.IsSupported,
        X86.Avx512BW.IsSupported,
        Arm.AdvSimd.IsSupported,
        Vector128.IsHardwareAccelerated,
        Vector256.IsHardwareAccelerated,
        Vector512.IsHardwareAccelerated);

    /// <summary>The widest hardware-accelerated vector width in bits (0 when only scalar code runs).</summary>
    public int WidestVectorBits => Vector512Accelerated ? 512 : Vector256Accelerated ? 256 : Vector128Accelerated ? 128 : 0;

    /// <summary>Names of the supported extensions, for example <c>SSE4.2 AVX2 FMA</c>.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>();
            if (Sse42)
            {
                names.Add("SSE4.2");
            }

            if (Avx2)
            {
                names.Add("AVX2");
            }

            if (Fma)
            {
                names.Add("FMA");
            }

            if (Avx512F)
            {
                names.Add("AVX-512F");
            }

            if (Avx512BW)
            {
                names.Add("AVX-512BW");
            }

            if (Neon)
            {
                names.Add("NEON");
            }

            return names;
        }
    }

    /// <summary>A one-line summary such as <c>X64: SSE4.2 AVX2 FMA (vectors up to 256 bit)</c>.</summary>
    public override string ToString() =>
        $"{Architecture}: {(Names.Count == 0 ? "no SIMD extensions" : string.Join(' ', Names))} (vectors up to {WidestVectorBits} bit)";
}

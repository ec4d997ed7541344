using System;
using System.Runtime.InteropServices;

namespace OpenRan.Benchmarks.Dsp;

/// <summary>
/// A minimal binding of FFTW 3 single precision (Debian <c>libfftw3-single3</c>, <c>libfftw3f.so.3</c>) used only to
/// compare speed in the benchmarks. A planned, aligned, out-of-place complex 1-D transform.
/// </summary>
internal sealed partial class Fftw : IDisposable
{
    private const string Library = "libfftw3f.so.3";
    private const int ForwardSign = -1;
    private const uint Measure = 0;
    private const uint Estimate = 1u << 6;
    private static readonly Lazy<bool> s_available = new(() => NativeLibrary.TryLoad(Library, out _));

    private readonly IntPtr _plan;

    /// <summary>Plans a forward transform of <paramref name="length"/> points with FFTW_MEASURE (or FFTW_ESTIMATE) on 16-byte-aligned buffers.</summary>
    public Fftw(int length, bool measure = true)
    {
        if (!IsAvailable)
        {
            throw new DllNotFoundException($"{Library} not found; install Debian package libfftw3-single3.");
        }

        Length = length;
        Input = fftwf_malloc((nuint)(8 * length));
        Output = fftwf_malloc((nuint)(8 * length));
        _plan = fftwf_plan_dft_1d(length, Input, Output, ForwardSign, measure ? Measure : Estimate);
    }

    /// <summary>Whether the FFTW library can be loaded on this machine.</summary>
    public static bool IsAvailable => s_available.Value;

    public int Length { get; }

    public IntPtr Input { get; }

    public IntPtr Output { get; }

    /// <summary>The input buffer (interleaved complex float).</summary>
    public unsafe Span<OpenRan.Dsp.ComplexF32> InputSpan => new((void*)Input, Length);

    /// <summary>The output buffer.</summary>
    public unsafe Span<OpenRan.Dsp.ComplexF32> OutputSpan => new((void*)Output, Length);

    /// <summary>Runs the planned transform.</summary>
    public void Execute() => fftwf_execute(_plan);

    public void Dispose()
    {
        fftwf_destroy_plan(_plan);
        fftwf_free(Input);
        fftwf_free(Output);
    }

    [LibraryImport(Library)]
    private static partial IntPtr fftwf_malloc(nuint size);

    [LibraryImport(Library)]
    private static partial void fftwf_free(IntPtr pointer);

    [LibraryImport(Library)]
    private static partial IntPtr fftwf_plan_dft_1d(int n, IntPtr input, IntPtr output, int sign, uint flags);

    [LibraryImport(Library)]
    private static partial void fftwf_execute(IntPtr plan);

    [LibraryImport(Library)]
    private static partial void fftwf_destroy_plan(IntPtr plan);
}

using System;
using System.Collections.Generic;
using System.IO;
using ScottPlot;
using SkiaSharp;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// A figure of the simulators: one or more plot panels side by side under a title that spans the whole width and wraps
/// onto more lines instead of being clipped (the configuration line names channel, correlation, antennas, FRC/MCS, slots
/// per point, HARQ and CSI), saved as PNG or SVG. Every plot the project writes is made with it and
/// <see cref="ResultPlotStyle"/>, so they look alike.
/// </summary>
public sealed class ResultFigure
{
    private const float Margin = 14;
    private const float TitleSize = 17;
    private const float SubtitleSize = 13;
    /// <summary>The sans-serif family every figure uses (DejaVu Sans where installed), set before any plot is made.</summary>
    private static readonly string s_fontFamily = ChooseFont();
    private readonly string _fontFamily = s_fontFamily;
    private readonly List<Plot> _panels = [];
    private readonly int _panelWidth;
    private readonly int _panelHeight;

    /// <summary>Creates a figure of <paramref name="panelCount"/> panels (each <paramref name="panelWidth"/> × <paramref name="panelHeight"/> pixels).</summary>
    /// <param name="title">The first title line (bold), e.g. "PUSCH G-FR1-A3-10: BLER and throughput versus SNR".</param>
    /// <param name="subtitle">The configuration (wrapped to the figure width), or empty.</param>
    /// <param name="panelCount">1 … 4 panels, left to right.</param>
    /// <param name="panelWidth">Width of each panel in pixels.</param>
    /// <param name="panelHeight">Height of the panels in pixels (the title adds to it).</param>
    public ResultFigure(string title, string subtitle, int panelCount = 1, int panelWidth = 1000, int panelHeight = 560)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(subtitle);
        ArgumentOutOfRangeException.ThrowIfLessThan(panelCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(panelCount, 4);
        Title = title;
        Subtitle = subtitle;
        _panelWidth = panelWidth;
        _panelHeight = panelHeight;
        for (int i = 0; i < panelCount; i++)
        {
            var plot = new Plot();
            ResultPlotStyle.Apply(plot);
            _panels.Add(plot);
        }
    }

    /// <summary>The first title line.</summary>
    public string Title { get; }

    /// <summary>The configuration line(s) under the title.</summary>
    public string Subtitle { get; }

    /// <summary>Panel <paramref name="index"/> (0 = left).</summary>
    public Plot Panel(int index) => _panels[index];

    /// <summary>The file extension of <paramref name="format"/> (".png" or ".svg").</summary>
    public static string Extension(PlotFormat format) => format == PlotFormat.Svg ? ".svg" : ".png";

    /// <summary>Parses <c>png</c> or <c>svg</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Neither; the message names the valid values.</exception>
    public static PlotFormat ParseFormat(string text, string option = "--plot-format") => text?.Trim().ToUpperInvariant() switch
    {
        "PNG" => PlotFormat.Png,
        "SVG" => PlotFormat.Svg,
        _ => throw new ArgumentException($"{option} = {text} is not valid; valid: png, svg."),
    };

    /// <summary>Writes the figure to <paramref name="path"/> as <paramref name="format"/>.</summary>
    public void Save(string path, PlotFormat format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        int width = _panelWidth * _panels.Count;
        using var titleFont = new SKFont(SKTypeface.FromFamilyName(_fontFamily, SKFontStyle.Bold), TitleSize);
        using var subtitleFont = new SKFont(SKTypeface.FromFamilyName(_fontFamily, SKFontStyle.Normal), SubtitleSize);
        List<string> titleLines = Wrap(Title, titleFont, width - (2 * Margin));
        List<string> subtitleLines = Subtitle.Length == 0 ? [] : Wrap(Subtitle, subtitleFont, width - (2 * Margin));
        float header = Margin + (titleLines.Count * TitleSize * 1.3f) + (subtitleLines.Count * SubtitleSize * 1.35f) + 4;
        int height = _panelHeight + (int)Math.Ceiling(header);

        void Draw(SKCanvas canvas)
        {
            // Each panel in its own rectangle below the title (drawn side by side, left to right), then the title.
            canvas.Clear(SKColors.White);
            for (int i = 0; i < _panels.Count; i++)
            {
                canvas.Save();
                canvas.Translate(i * _panelWidth, header);
                canvas.ClipRect(new SKRect(0, 0, _panelWidth, _panelHeight));
                _panels[i].Render(canvas, new PixelRect(0, _panelWidth, _panelHeight, 0));
                canvas.Restore();
            }

            using var background = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(0, 0, width, header, background);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            float y = Margin;
            foreach (string line in titleLines)
            {
                y += TitleSize;
                canvas.DrawText(line, width / 2f, y, SKTextAlign.Center, titleFont, paint);
                y += TitleSize * 0.3f;
            }

            paint.Color = new SKColor(0x40, 0x40, 0x40);
            foreach (string line in subtitleLines)
            {
                y += SubtitleSize;
                canvas.DrawText(line, width / 2f, y, SKTextAlign.Center, subtitleFont, paint);
                y += SubtitleSize * 0.35f;
            }
        }

        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (format == PlotFormat.Svg)
        {
            using var stream = new MemoryStream();
            using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
            {
                Draw(canvas);
            }

            // A plot clears its canvas before filling its background; Skia writes that clear as a rectangle without a fill
            // attribute, which SVG viewers paint black. Drop those (the white backgrounds follow them).
            string svg = System.Text.Encoding.UTF8.GetString(stream.ToArray());
            svg = System.Text.RegularExpressions.Regex.Replace(svg, @"\s*<rect transform=""translate\([^""]*\)"" width=""[0-9.]+"" height=""[0-9.]+""/>", "");
            File.WriteAllText(path, svg);
            return;
        }

        using (SKSurface surface = SKSurface.Create(new SKImageInfo(width, height)))
        {
            Draw(surface.Canvas);
            using SKImage image = surface.Snapshot();
            using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
            using FileStream stream = File.Create(path);
            data.SaveTo(stream);
        }
    }

    private static string ChooseFont()
    {
        foreach (string family in new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" })
        {
            using SKTypeface? typeface = SKFontManager.Default.MatchFamily(family);
            if (typeface is not null && typeface.FamilyName == family)
            {
                Fonts.Default = family;
                return family;
            }
        }

        return Fonts.Default;
    }

    /// <summary>Splits <paramref name="text"/> at spaces into lines no wider than <paramref name="width"/> (a longer word stays whole).</summary>
    private static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = "";
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && font.MeasureText(candidate) > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            lines.Add(line);
        }

        return lines;
    }
}

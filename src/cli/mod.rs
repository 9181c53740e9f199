//! The command line: headless subcommands over the same core the window uses.

mod bench;
mod check;
mod convert;
mod export;
mod extract;
mod format;
mod generate;
mod kb;
mod layout;
mod recover;
mod render;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::io::formats::FormatId;
use crate::io::import::ParallelRule;

/// kgx — explore who works with whom, and according to which source.
///
/// With no subcommand, opens the explorer window on FILE (or on the bundled seed graph).
#[derive(Debug, Parser)]
#[command(name = "kgx", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; omit it to open the window.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Graph file to open in the window.
    pub file: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate graph files; prints every problem with file:line:column and exits 1 if any.
    Check {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Counts by kind, connected components and the best-connected actors.
    Stats {
        /// The graph file.
        file: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// How many top actors to list.
        #[arg(long, default_value_t = 10)]
        top: usize,
        /// Also compute per-actor metrics: degree, weighted degree, betweenness, PageRank,
        /// component and community (with modularity).
        #[arg(long)]
        metrics: bool,
        /// How --metrics finds communities.
        #[arg(long, value_enum, default_value_t = stats::CommunityChoice::Leiden, requires = "metrics")]
        community: stats::CommunityChoice,
        /// Resolution of the modularity the communities optimise (positive; above 1 more and
        /// smaller communities). The modularity printed is the standard one, at resolution 1.
        #[arg(long, default_value_t = 1.0, value_parser = stats::parse_resolution, requires = "metrics")]
        resolution: f64,
    },
    /// Rewrite graph files in kgx's canonical form (sorted by id, fixed layout), as the app saves
    /// them; with --check, only report files that are not canonical (exit 1).
    Fmt {
        /// Files to format.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 if a file would change.
        #[arg(long)]
        check: bool,
    },
    /// Lay the graph out and write the positions into OUT: ForceAtlas2 (the default, with the
    /// file's force settings or --scaling, --gravity, --lin-log, --no-overlap, which are saved
    /// into OUT), circular, hierarchical, geographic or grid. Pinned actors stay where they are.
    Layout(layout::LayoutArgs),
    /// Write a synthetic graph for benchmarks, tests and demos.
    Generate {
        /// Barabási–Albert (m = 3) or planted partition.
        #[arg(long, value_enum)]
        model: GeneratorModel,
        /// Number of actors.
        #[arg(long)]
        nodes: usize,
        /// Groups of a planted partition.
        #[arg(long, default_value_t = 8)]
        groups: usize,
        /// Mean number of neighbours inside a planted group.
        #[arg(long, default_value_t = 20.0)]
        degree_in: f64,
        /// Mean number of neighbours in other planted groups.
        #[arg(long, default_value_t = 2.0)]
        degree_out: f64,
        /// Random seed.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Output graph file.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Measure the layout engine on generated graphs and print a table.
    BenchLayout {
        /// Graph sizes (actors) to measure; cooperations are 3 per actor (Barabási–Albert m = 3).
        #[arg(long, value_delimiter = ',', default_values_t = [1_000usize, 10_000, 100_000])]
        sizes: Vec<usize>,
        /// Thread counts to measure.
        #[arg(long, value_delimiter = ',', default_values_t = [1usize, 2])]
        threads: Vec<usize>,
        /// Iterations timed for the per-iteration median.
        #[arg(long, default_value_t = 30)]
        samples: usize,
        /// Only the multilevel start (a plain start of a million actors takes minutes).
        #[arg(long)]
        multilevel_only: bool,
    },
    /// Convert a graph between formats, chosen by the extensions: .ron (kgx), .graphml (Gephi,
    /// yEd, igraph, networkx), .gexf (Gephi), .json (node-link), .csv (an edge list or a node
    /// table; or give nodes.csv edges.csv; written as OUT.nodes.csv and OUT.edges.csv), .ttl and
    /// .jsonld or .json-ld (RDF).
    Convert {
        /// The file to read, or a node table and an edge table.
        #[arg(required = true, num_args = 1..=2)]
        inputs: Vec<std::path::PathBuf>,
        /// The file to write (atomically).
        #[arg(short = 'o', long = "output")]
        output: std::path::PathBuf,
        /// Read IN as this format, whatever its name ends with.
        #[arg(long, value_enum)]
        from: Option<FormatId>,
        /// Write OUT in this format, whatever its name ends with.
        #[arg(long, value_enum)]
        to: Option<FormatId>,
        /// Edges that repeat a pair (undirected ones either way round, directed ones from → to):
        /// merge each pair into one cooperation whose weight is the sum of theirs or the number
        /// of edges, keep the first, or keep them all.
        #[arg(long, value_enum, default_value = "none")]
        merge_parallel: ParallelRule,
    },
    /// Draw the graph as an SVG picture, as the canvas draws it (labels stay text; fonts that
    /// cover Chinese, Japanese and Korean are named). A picture the file has is kept; actors
    /// without a position are placed first (all of them laid out when none has one).
    Render {
        /// The graph file (any format kgx reads).
        file: PathBuf,
        /// The picture to write: .svg (labels stay text) or .png (rasterised from the same
        /// drawing); written atomically.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        /// Width in pixels.
        #[arg(long, default_value_t = 1600.0)]
        width: f32,
        /// Height in pixels.
        #[arg(long, default_value_t = 1000.0)]
        height: f32,
        /// PNG pixels per picture pixel (2 for high-density screens and print).
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Leave out the legend of kinds.
        #[arg(long)]
        no_legend: bool,
        /// Lay the graph out anew, even where the file gives positions (by default a picture
        /// the file has is drawn as it is; only actors without a position are placed).
        #[arg(long)]
        layout: bool,
        /// Dark ground (as the window) or light (for print).
        #[arg(long, default_value = "dark", value_parser = ["dark", "light"])]
        theme: String,
    },
    /// Unsaved work the window autosaved: list the recovery files (`--list`), or write one out
    /// as an ordinary graph file (`FILE -o OUT`). They live in the user's data folder
    /// (`~/.local/share/kgx/recovery` on Linux) or in $KGX_RECOVERY_DIR.
    Recover {
        /// A recovery file to write out.
        #[arg(conflicts_with = "list", requires = "output")]
        file: Option<PathBuf>,
        /// Output graph file; written atomically.
        #[arg(short = 'o', long = "output", requires = "file")]
        output: Option<PathBuf>,
        /// List the recovery files: path, document, time, counts.
        #[arg(long)]
        list: bool,
    },
    /// Propose actors and cooperations from article texts (plain text or Markdown, English),
    /// each with the sentence that says it, as a kgx graph for review; or merge them into an
    /// existing graph (actors matched by name or alias, never duplicated); or score them
    /// against a hand-made gold graph (--eval).
    Extract {
        /// The article texts (title on the first line if there is one).
        #[arg(required = true)]
        texts: Vec<PathBuf>,
        /// Write the proposals as a new graph file (.ron); written atomically.
        #[arg(short = 'o', long = "output", conflicts_with = "into")]
        output: Option<PathBuf>,
        /// Merge the proposals into this graph file (rewritten atomically).
        #[arg(long)]
        into: Option<PathBuf>,
        /// The article's title (default: its first line).
        #[arg(long)]
        source_title: Option<String>,
        /// Who published it.
        #[arg(long)]
        publisher: Option<String>,
        /// When it was published (YYYY, YYYY-MM or YYYY-MM-DD): resolves "March 15", "on Sunday".
        #[arg(long)]
        date: Option<String>,
        /// Where it was published.
        #[arg(long)]
        url: Option<String>,
        /// Print the proposals as JSON.
        #[arg(long)]
        json: bool,
        /// Score against a gold graph (.ron, or .json with actors and cooperations) and print
        /// precision and recall.
        #[arg(long)]
        eval: Option<PathBuf>,
        /// A folder with word lists that extend the built-in ones (countries.tsv,
        /// organisations.tsv, heads.tsv, verbs.tsv, roles.tsv, groups.tsv); default
        /// $KGX_GAZETTEER.
        #[arg(long)]
        gazetteer: Option<PathBuf>,
        /// Which engine proposes (rules, or a model behind an OpenAI-compatible API).
        #[command(flatten)]
        engine: Box<extract::EngineArgs>,
    },
    /// Graphs in a SPARQL 1.1 knowledge base (Virtuoso, GraphDB, Neptune, Oxigraph …): pull a
    /// named graph, run a CONSTRUCT query, or push a graph file. Credentials come from
    /// KGX_SPARQL_USER and KGX_SPARQL_PASSWORD.
    Kb {
        /// What to do.
        #[command(subcommand)]
        action: KbAction,
    },
    /// Write the graph in another format.
    Export {
        /// The graph file.
        file: PathBuf,
        /// Target format.
        #[arg(long = "to", value_enum)]
        to: FormatId,
        /// Output file; written atomically.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
}

/// "3 actors, 1 cooperation, 2 sources", for messages.
fn counts(actors: usize, cooperations: usize, sources: usize) -> String {
    format!("{}, {}, {}", plural(actors, "actor"), plural(cooperations, "cooperation"), plural(sources, "source"))
}

/// "1 actor", "2 actors".
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// What `kgx kb` does.
#[derive(Debug, Subcommand)]
pub enum KbAction {
    /// Load the kgx graph kept in a named graph and write it as a file.
    Pull {
        /// The SPARQL endpoint's URL.
        endpoint: String,
        /// The named graph's IRI.
        #[arg(long)]
        graph: String,
        /// The file to write (.ron, or any format kgx converts to); written atomically.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Run a CONSTRUCT query whose triples follow kgx's RDF mapping and write the graph.
    Query {
        /// The SPARQL endpoint's URL.
        endpoint: String,
        /// The query, or @FILE to read it from a file.
        query: String,
        /// The file to write; written atomically.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
    },
    /// Write a graph file into a named graph (SPARQL 1.1 Update), replacing it. A named graph
    /// that already holds a kgx graph is a conflict unless --replace is given.
    Push {
        /// The graph file (any format kgx reads).
        file: PathBuf,
        /// The SPARQL endpoint's URL (its update service, if separate).
        endpoint: String,
        /// The named graph's IRI.
        #[arg(long)]
        graph: String,
        /// Replace the named graph even if it changed since (or was never pulled).
        #[arg(long)]
        replace: bool,
    },
}

/// Formats on the command line (`--from`, `--to`): the names and aliases of the format registry.
impl ValueEnum for FormatId {
    fn value_variants<'a>() -> &'a [Self] {
        &FormatId::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let format = self.format();
        Some(
            clap::builder::PossibleValue::new(format.name).aliases(format.aliases.iter().copied()).help(format.label()),
        )
    }
}

/// What `--merge-parallel` accepts: the import's rules by name.
impl ValueEnum for ParallelRule {
    fn value_variants<'a>() -> &'a [Self] {
        &ParallelRule::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.label()))
    }
}

/// Synthetic graph models.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum GeneratorModel {
    /// Barabási–Albert preferential attachment, m = 3 (scale-free).
    Ba,
    /// Planted partition: dense groups, sparse links between them.
    Planted,
}

/// Runs a subcommand and returns the process exit code: 0 on success, 1 when a file is invalid
/// or cannot be written.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Check { files } => check::run(&files),
        Command::Stats { file, json, top, metrics, community, resolution } => {
            let communities = metrics.then(|| stats::community_settings(community, resolution));
            stats::run(&file, json, top, communities)
        }
        Command::Fmt { files, check } => format::run(&files, check),
        Command::Layout(args) => layout::run(&args),
        Command::Generate { model, nodes, groups, degree_in, degree_out, seed, output } => {
            generate::run(model, nodes, groups, degree_in, degree_out, seed, &output)
        }
        Command::BenchLayout { sizes, threads, samples, multilevel_only } => {
            bench::run(&sizes, &threads, samples, multilevel_only)
        }
        Command::Export { file, to, output } => export::run(&file, to, &output),
        Command::Convert { inputs, output, from, to, merge_parallel } => {
            convert::run(&inputs, &output, from, to, merge_parallel)
        }
        Command::Kb { action } => kb::run(action),
        Command::Extract { texts, output, into, source_title, publisher, date, url, json, eval, gazetteer, engine } => {
            extract::run(&extract::Options {
                engine,
                texts,
                output,
                into,
                source_title,
                publisher,
                date,
                url,
                json,
                eval,
                gazetteer,
            })
        }
        Command::Render { file, output, width, height, scale, no_legend, layout, theme } => {
            let theme = crate::draw::Theme::from_name(&theme).unwrap_or_default();
            let options = crate::render::RenderOptions {
                width,
                height,
                legend: !no_legend,
                title: true,
                view: None,
                layout,
                theme,
            };
            render::run(&file, &output, &options, scale)
        }
        Command::Recover { file, output, list } => recover::run(file.as_deref(), output.as_deref(), list),
    }
}

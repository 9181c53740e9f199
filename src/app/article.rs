//! The article window's commands: open the form, run the extraction on a worker thread, and
//! add the reviewed proposals as one undoable step.

use std::time::Duration;

use super::KgxApp;
use crate::state::command::ArticleCommand;
use crate::state::review::{ArticleReview, ArticleState, ExtractJob, JobPoll};

impl KgxApp {
    pub(super) fn run_article_command(&mut self, command: ArticleCommand) {
        match command {
            ArticleCommand::Show => {
                if !self.windows.article.is_open() {
                    self.windows.article = ArticleState::Form { form: Box::default(), job: None };
                }
            }
            ArticleCommand::Browse => {
                if let ArticleState::Form { form, .. } = &mut self.windows.article
                    && self.files.native_dialogs
                    && super::files::native_dialogs_available()
                    && let Some(path) = rfd::FileDialog::new()
                        .set_title("Import article")
                        .add_filter("Text or Markdown", &["txt", "md", "markdown", "text"])
                        .pick_file()
                {
                    form.path = path.display().to_string();
                } else if let ArticleState::Form { form, .. } = &mut self.windows.article {
                    form.error = Some("No file dialog here: type the file's path in the field.".to_owned());
                }
            }
            ArticleCommand::Extract(input) => {
                if let ArticleState::Form { form, job } = &mut self.windows.article {
                    match form.source().and_then(|source| Ok((source, form.engine()?))) {
                        Ok((source, engine)) => {
                            form.error = None;
                            *job = Some(ExtractJob::start(input, source, engine));
                        }
                        Err(message) => form.error = Some(message),
                    }
                }
            }
            ArticleCommand::Cancel => {
                if let ArticleState::Form { job, .. } = &mut self.windows.article
                    && let Some(running) = job.take()
                {
                    running.cancel();
                    self.set_status("Stopped reading the article");
                }
            }
            ArticleCommand::Apply => {
                let ArticleState::Review(review) = &self.windows.article else { return };
                match review.edit(&self.doc.graph) {
                    Ok(edit) => {
                        let (new, merged, cooperations) = review.counts();
                        let title = review.form.title.clone();
                        if self.apply(edit, None) {
                            self.windows.article = ArticleState::Closed;
                            self.set_status(format!(
                                "Added {new} actors and {cooperations} cooperations from “{title}” ({merged} merged into existing actors); Ctrl+Z takes them all back"
                            ));
                        }
                    }
                    Err(message) => self.set_status(format!("Not added: {message}")),
                }
            }
            ArticleCommand::Close => {
                if let ArticleState::Form { job: Some(running), .. } = &self.windows.article {
                    running.cancel();
                }
                self.windows.article = ArticleState::Closed;
            }
        }
    }

    /// Takes a finished extraction into the review, or its error into the form.
    pub(super) fn poll_article(&mut self, ctx: &egui::Context) {
        let ArticleState::Form { form, job: Some(job) } = &mut self.windows.article else { return };
        match job.poll() {
            JobPoll::Running => ctx.request_repaint_after(Duration::from_millis(50)),
            JobPoll::Failed(message) => {
                form.error = Some(message);
                self.windows.article = match std::mem::take(&mut self.windows.article) {
                    ArticleState::Form { form, .. } => ArticleState::Form { form, job: None },
                    other => other,
                };
            }
            JobPoll::Done(text, extraction) => {
                let form = *std::mem::take(form);
                let (actors, cooperations) = (extraction.actors.len(), extraction.cooperations.len());
                self.windows.article =
                    ArticleState::Review(Box::new(ArticleReview::new(text, *extraction, &self.doc.graph, form)));
                self.set_status(format!(
                    "{} and {} proposed: review them",
                    crate::words::actors(actors),
                    crate::words::cooperations(cooperations)
                ));
                ctx.request_repaint();
            }
        }
    }
}

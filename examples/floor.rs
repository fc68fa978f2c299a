//! The floor for start-up measurements: a bare ratatui program that enters the alternate
//! screen, draws one frame with a Braille canvas (a few lines), and exits. kansrijk's
//! start-up is compared against this (see scripts/bench-startup.sh).

use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::widgets::Block;
use ratatui::widgets::canvas::{Canvas, Line};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = terminal.draw(|frame| {
        let canvas = Canvas::default()
            .block(Block::bordered().title(" floor "))
            .marker(Marker::Braille)
            .x_bounds([-1.0, 1.0])
            .y_bounds([-1.0, 1.0])
            .paint(|ctx| {
                let points = [
                    (0.0, 1.0),
                    (0.95, 0.31),
                    (0.59, -0.81),
                    (-0.59, -0.81),
                    (-0.95, 0.31),
                ];
                for (i, &(x1, y1)) in points.iter().enumerate() {
                    let (x2, y2) = points[(i + 1) % points.len()];
                    ctx.draw(&Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        color: Color::Magenta,
                    });
                }
            });
        frame.render_widget(canvas, frame.area());
    });
    ratatui::restore();
    result.map(|_| ())
}

"""Course packs for trainers: key points, figures, timelines and quizzes drawn from the documents."""

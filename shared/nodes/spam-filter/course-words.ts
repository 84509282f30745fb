/**
 * Words that name a course and its parts. The spam corpora are SMS and video comments, where "videos", "follow"
 * and "content" are what spammers say ("check out my videos", "follow me"); in a course review they are what the
 * review is about ("the videos are easy to follow"). So for these words the classifier keeps one feature whose
 * weight may only vouch for a review (at most 0), and no character n-grams: they can make a text look more like an
 * honest review, never more like spam. Word pairs with them ("my videos") still count either way.
 * Written from what course reviews talk about, not picked from any test set; folded like the words they match.
 */
// biome-ignore format: a word list reads better filled than one word a line
export const COURSE_WORDS: readonly string[] = [
  'course', 'courses', 'class', 'classes', 'lecture', 'lectures', 'lesson', 'lessons', 'video', 'videos', 'content',
  'contents', 'material', 'materials', 'topic', 'topics', 'module', 'modules', 'chapter', 'chapters', 'section',
  'sections', 'unit', 'units', 'week', 'weeks', 'exercise', 'exercises', 'assignment', 'assignments', 'homework',
  'quiz', 'quizzes', 'exam', 'exams', 'test', 'tests', 'lab', 'labs', 'project', 'projects', 'instructor',
  'instructors', 'teacher', 'teachers', 'professor', 'professors', 'tutor', 'tutors', 'lecturer', 'lecturers',
  'explanation', 'explanations', 'explain', 'explains', 'explained', 'explaining', 'example', 'examples', 'slide',
  'slides', 'subtitle', 'subtitles', 'transcript', 'transcripts', 'certificate', 'specialization', 'program',
  'follow', 'follows', 'followed', 'following', 'understand', 'understanding', 'learn', 'learned', 'learning',
  'learnt', 'knowledge', 'concept', 'concepts', 'skill', 'skills', 'beginner', 'beginners', 'level', 'pace', 'audio',
  'sound', 'quality', 'platform', 'forum', 'peer', 'peers', 'grade', 'grades', 'practice', 'practical', 'theory',
  'student', 'students', 'learner', 'learners',
];

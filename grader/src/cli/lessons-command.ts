import { loadCourse } from "../manifest/load.ts";
import { readLastGrades } from "../report/write.ts";

/** `pnpm lessons`: the syllabus, with each lesson's last grade when there is one. */
export async function lessonsCommand(_args: string[]): Promise<number> {
  const course = loadCourse();
  const last = readLastGrades();
  console.log(`${course.title}: ${course.lessons.length} lessons\n`);
  for (const lesson of course.lessons) {
    const max = lesson.tasks.reduce((sum, t) => sum + t.points, 0);
    const grade = last.get(lesson.id);
    const status = grade ? `${grade.points} / ${max}  ${grade.status}` : `– / ${max}  not graded yet`;
    console.log(`  ${lesson.id.padEnd(34)}${lesson.title.padEnd(50)}${status}`);
  }
  console.log("\nGrade one with `pnpm grade 04`; read its README in exercises/<id>/README.md.");
  return 0;
}

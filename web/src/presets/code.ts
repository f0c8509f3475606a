// A small Python program written for this project: indentation, brackets, names that come back, and
// strings — structure a character model has to track over many characters.
export const CODE = `"""A tiny library catalogue: books, members and loans."""

from dataclasses import dataclass, field
from datetime import date, timedelta


LOAN_DAYS = 21
FINE_PER_DAY = 0.25


@dataclass
class Book:
    title: str
    author: str
    year: int
    copies: int = 1

    def __str__(self):
        return f"{self.title} by {self.author} ({self.year})"


@dataclass
class Member:
    name: str
    loans: list = field(default_factory=list)

    def can_borrow(self, limit=5):
        return len(self.loans) < limit


@dataclass
class Loan:
    book: Book
    member: Member
    start: date

    @property
    def due(self):
        return self.start + timedelta(days=LOAN_DAYS)

    def fine(self, today):
        late = (today - self.due).days
        return max(0, late) * FINE_PER_DAY


class Library:
    def __init__(self):
        self.books = {}
        self.members = {}
        self.loans = []

    def add_book(self, book):
        key = (book.title, book.author)
        if key in self.books:
            self.books[key].copies += book.copies
        else:
            self.books[key] = book
        return self.books[key]

    def join(self, name):
        if name not in self.members:
            self.members[name] = Member(name)
        return self.members[name]

    def available(self, book):
        out = sum(1 for loan in self.loans if loan.book is book)
        return book.copies - out

    def lend(self, title, author, name, today):
        book = self.books.get((title, author))
        if book is None:
            raise KeyError(f"no such book: {title}")
        member = self.join(name)
        if not member.can_borrow():
            raise ValueError(f"{name} has too many books")
        if self.available(book) <= 0:
            raise ValueError(f"all copies of {title} are out")
        loan = Loan(book, member, today)
        self.loans.append(loan)
        member.loans.append(loan)
        return loan

    def give_back(self, loan, today):
        self.loans.remove(loan)
        loan.member.loans.remove(loan)
        return loan.fine(today)

    def overdue(self, today):
        return [loan for loan in self.loans if loan.due < today]

    def report(self, today):
        lines = []
        for book in sorted(self.books.values(), key=lambda b: b.year):
            free = self.available(book)
            lines.append(f"{book}: {free} of {book.copies} on the shelf")
        for loan in self.overdue(today):
            days = (today - loan.due).days
            lines.append(f"  late: {loan.book.title} ({loan.member.name}, {days} days)")
        return "\\n".join(lines)


def main():
    library = Library()
    library.add_book(Book("The Lamplighter", "E. Marrow", 1931, copies=2))
    library.add_book(Book("Rivers in Winter", "J. Pell", 1902))
    library.add_book(Book("A Field Guide to Rooks", "A. Baker", 1958))
    start = date(2024, 1, 8)
    first = library.lend("The Lamplighter", "E. Marrow", "Ada", start)
    library.lend("Rivers in Winter", "J. Pell", "Ben", start)
    library.lend("The Lamplighter", "E. Marrow", "Cleo", start + timedelta(days=3))
    today = start + timedelta(days=30)
    print(library.report(today))
    fine = library.give_back(first, today)
    print(f"Ada paid {fine:.2f} for {first.book.title}")


if __name__ == "__main__":
    main()
`;
